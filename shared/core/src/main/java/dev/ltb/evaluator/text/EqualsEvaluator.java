package dev.ltb.evaluator.text;

import static dev.ltb.evaluator.Reasons.quote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.json.JsonText;
import dev.ltb.suite.Assertion;
import java.util.Optional;

/**
 * {@code equals}: the output is exactly the value. As in promptfoo, an object or list value is
 * compared with the output parsed as JSON (key order and number spelling do not matter); any other
 * value is compared as text, numbers and booleans in their plain form.
 */
public final class EqualsEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      EvaluatorDescriptor.simple(
          "equals",
          "output matches the value exactly",
          "a string, number or boolean (compared as text), or an object or list (compared as parsed"
              + " JSON)");

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    JsonNode value = assertion.value();
    String output = context.output();
    if (value != null && value.isContainerNode()) return equalsJson(value, output);

    String expected = expectedText(assertion);
    if (output.equals(expected))
      return EvaluationResult.of(true, "output equals " + quote(expected));
    return EvaluationResult.of(
        false, "output " + quote(output) + " does not equal " + quote(expected));
  }

  private static EvaluationResult equalsJson(JsonNode expected, String output) {
    String expectedJson = quote(expected.toString());
    Optional<JsonNode> actual = JsonText.parse(output);
    if (actual.isEmpty())
      return EvaluationResult.of(false, "output is not JSON, so it does not equal " + expectedJson);
    if (JsonText.sameJson(expected, actual.get()))
      return EvaluationResult.of(true, "output equals JSON " + expectedJson);
    return EvaluationResult.of(
        false, "output JSON " + quote(actual.get().toString()) + " does not equal " + expectedJson);
  }

  private static String expectedText(Assertion assertion) {
    JsonNode value = assertion.value();
    if (value.isTextual()) return value.textValue();
    if (value.isNumber()) return AssertionValues.numberText(value);
    if (value.isBoolean()) return Boolean.toString(value.booleanValue());
    throw new EvaluationException(
        "equals needs a string, number, boolean, object or list as value, got "
            + AssertionValues.describe(value));
  }
}
