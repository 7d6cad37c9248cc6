package dev.ltb.evaluator.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.suite.Assertion;
import java.util.ArrayList;
import java.util.List;

/** Reads an assertion's {@code value} as reference texts: a string, or a list of strings. */
final class ReferenceTexts {

  private ReferenceTexts() {}

  /**
   * The references; scalars other than strings (an answer written {@code 1976}) are taken as their text.
   *
   * @throws EvaluationException when the value is missing, empty or not text
   */
  static List<String> of(Assertion assertion) {
    JsonNode value = assertion.value();
    if (value == null || value.isNull() || value.isMissingNode())
      throw new EvaluationException(missing(assertion));
    if (value.isValueNode()) return List.of(value.asText());
    if (!value.isArray() || value.isEmpty()) throw new EvaluationException(missing(assertion));
    List<String> references = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      if (!item.isValueNode() || item.isNull())
        throw new EvaluationException(
            assertion.type()
                + " value must list reference texts, but an item is "
                + item.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      references.add(item.asText());
    }
    return references;
  }

  private static String missing(Assertion assertion) {
    return assertion.type() + " needs a value: the reference text, or a list of reference texts";
  }
}
