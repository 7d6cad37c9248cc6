package dev.ltb.evaluator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.suite.Assertion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an assertion's {@code value} in the shapes evaluators accept, failing with a message that
 * says what the type needs and what the suite gave.
 */
public final class AssertionValues {

  private AssertionValues() {}

  /** A non-empty string, or a number in its plain text form ({@code 42}, {@code 0.5}). */
  public static String text(Assertion assertion) {
    JsonNode value = assertion.value();
    if (value != null && value.isNumber()) return numberText(value);
    if (value != null && value.isTextual() && !value.textValue().isEmpty())
      return value.textValue();
    throw new EvaluationException(
        assertion.type() + " needs a non-empty string or number as value, got " + describe(value));
  }

  /**
   * A list of strings or numbers, or one comma-separated string ({@code "Paris, Lyon"}); never
   * empty.
   */
  public static List<String> texts(Assertion assertion) {
    JsonNode value = assertion.value();
    List<String> texts = new ArrayList<>();
    if (value != null && value.isTextual()) {
      texts.addAll(CommaSeparatedValues.parse(value.textValue()));
    } else if (value != null && value.isArray()) {
      for (JsonNode item : value) {
        if (item.isTextual()) texts.add(item.textValue());
        else if (item.isNumber()) texts.add(numberText(item));
        else
          throw new EvaluationException(
              assertion.type()
                  + " needs a list of strings or numbers, but an item is "
                  + describe(item));
      }
    } else {
      throw new EvaluationException(
          assertion.type()
              + " needs a list of strings or a comma-separated string as value, got "
              + describe(value));
    }
    if (texts.isEmpty())
      throw new EvaluationException(assertion.type() + " needs at least one value to look for");
    return texts;
  }

  /**
   * A number, written as a number or as numeric text ({@code 500} or {@code "500"}), or null when
   * absent.
   */
  public static Double optionalNumber(Assertion assertion) {
    JsonNode value = assertion.value();
    if (value == null || value.isNull() || value.isMissingNode()) return null;
    if (value.isNumber()) return value.doubleValue();
    if (value.isTextual()) {
      try {
        return Double.valueOf(value.textValue().strip());
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
    }
    throw new EvaluationException(
        assertion.type() + " needs a number as value, got " + describe(value));
  }

  /** A number as JavaScript's {@code String(n)} writes it for everyday values: 42, 0.5, 1000000. */
  public static String numberText(JsonNode number) {
    return plain(number.decimalValue());
  }

  /** A number as JavaScript's {@code String(n)} writes it for everyday values: 42, 0.5, 1000000. */
  public static String numberText(double number) {
    return plain(BigDecimal.valueOf(number));
  }

  private static String plain(BigDecimal number) {
    BigDecimal decimal = number.stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
  }

  /**
   * A short description of a value for error messages: {@code "Paris"}, {@code 42}, a list,
   * nothing.
   */
  public static String describe(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) return "nothing";
    if (value.isTextual())
      return value.textValue().isEmpty() ? "an empty string" : Reasons.quote(value.textValue());
    if (value.isNumber()) return numberText(value);
    if (value.isBoolean()) return "the boolean " + value.booleanValue();
    if (value.isArray()) return "a list";
    if (value.isObject()) return "an object";
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
