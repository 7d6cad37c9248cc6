package dev.ltb.evaluator.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.regex.Pattern;

/**
 * {@code word-count}: the output has exactly {@code value} words, or between {@code value.min} and
 * {@code value.max} (either bound may be left out). Words are runs of non-whitespace characters.
 */
public final class WordCountEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      EvaluatorDescriptor.simple(
          "word-count",
          "output has the given number of words",
          "a whole number (exact count), or an object with min and/or max");

  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    long words = countWords(context.output());
    String observed = "output has " + words + (words == 1 ? " word" : " words");
    JsonNode value = assertion.value();
    if (value != null && value.isObject()) return inRange(value, words, observed);

    long expected = wholeNumber(value, "value");
    boolean pass = words == expected;
    return EvaluationResult.of(
        pass, observed + (pass ? ", exactly " : ", not exactly ") + expected);
  }

  static long countWords(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : WHITESPACE.split(stripped).length;
  }

  private static EvaluationResult inRange(JsonNode value, long words, String observed) {
    Long min = value.hasNonNull("min") ? wholeNumber(value.get("min"), "min") : null;
    Long max = value.hasNonNull("max") ? wholeNumber(value.get("max"), "max") : null;
    if (min == null && max == null)
      throw new EvaluationException(
          "word-count needs min and/or max in its value object, e.g. {min: 20, max: 50}");
    if (min != null && max != null) {
      if (min > max)
        throw new EvaluationException(
            "word-count min (" + min + ") must not be greater than max (" + max + ")");
      boolean pass = words >= min && words <= max;
      return EvaluationResult.of(
          pass, observed + (pass ? ", within " : ", outside ") + min + "-" + max);
    }
    if (min != null) {
      boolean pass = words >= min;
      return EvaluationResult.of(pass, observed + (pass ? ", at least " : ", fewer than ") + min);
    }
    boolean pass = words <= max;
    return EvaluationResult.of(pass, observed + (pass ? ", at most " : ", more than ") + max);
  }

  private static long wholeNumber(JsonNode node, String field) {
    double number = Double.NaN;
    if (node != null && node.isNumber()) number = node.doubleValue();
    else if (node != null && node.isTextual()) number = parse(node.textValue());
    if (Double.isNaN(number) || number < 0 || number != Math.rint(number))
      throw new EvaluationException(
          "word-count "
              + field
              + " must be a whole number of words, got "
              + AssertionValues.describe(node));
    return (long) number;
  }

  private static double parse(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
