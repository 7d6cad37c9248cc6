package dev.ltb.evaluator.text;

import static dev.ltb.evaluator.Reasons.quote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code regex}: some part of the output matches the pattern (like JavaScript's {@code
 * RegExp.test}: not anchored unless the pattern says {@code ^...$}). Java regular expressions;
 * flags go inline, e.g. {@code (?i)} for case-insensitive.
 */
public final class RegexEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      EvaluatorDescriptor.simple(
          "regex",
          "output matches the regular expression",
          "a regular expression (Java syntax, flags inline)");

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    JsonNode value = assertion.value();
    if (value == null || !value.isTextual() || value.textValue().isEmpty())
      throw new EvaluationException(
          "regex needs a pattern as value, got " + AssertionValues.describe(value));
    String regex = value.textValue();
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new EvaluationException(
          "invalid regular expression "
              + quote(regex)
              + ": "
              + e.getDescription()
              + " near index "
              + e.getIndex());
    }
    boolean pass = pattern.matcher(context.output()).find();
    return EvaluationResult.of(
        pass, (pass ? "output matches " : "output does not match ") + "regex " + quote(regex));
  }
}
