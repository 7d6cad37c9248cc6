package dev.ltb.evaluator.xml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.Reasons;
import dev.ltb.suite.Assertion;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The element paths {@code is-xml} and {@code contains-xml} require, as promptfoo writes them:
 * dot-separated element names from the root ({@code analysis.color}); a number picks one of several
 * same-named elements, counting from 0 ({@code order.item.1.price}).
 */
record RequiredElements(List<String> paths) {

  static final RequiredElements NONE = new RequiredElements(List.of());

  RequiredElements {
    paths = List.copyOf(paths);
  }

  /**
   * Reads the value: nothing, a comma-separated string, a list of paths, or {@code
   * {requiredElements: [...]}}.
   */
  static RequiredElements fromValue(Assertion assertion) {
    JsonNode value = assertion.value();
    if (value == null || value.isNull() || value.isMissingNode()) return NONE;
    if (value.isTextual()) return of(assertion, List.of(value.textValue().split(",")));
    if (value.isArray()) return of(assertion, texts(assertion, value));
    if (value.isObject() && value.isEmpty()) return NONE;
    if (value.isObject() && value.path("requiredElements").isArray())
      return of(assertion, texts(assertion, value.get("requiredElements")));
    throw new EvaluationException(
        assertion.type()
            + " value must be element paths: a list, a comma-separated string or"
            + " {requiredElements: [...]}, got "
            + AssertionValues.describe(value));
  }

  boolean isEmpty() {
    return paths.isEmpty();
  }

  /** The paths that none of the top-level elements leads to, in the order they were listed. */
  List<String> missingFrom(List<Element> topLevel) {
    return paths.stream().filter(path -> !found(path, topLevel)).toList();
  }

  private static boolean found(String path, List<Element> topLevel) {
    String[] steps = path.split("\\.", -1);
    List<Element> current = named(topLevel, steps[0]);
    for (int i = 1; i < steps.length && !current.isEmpty(); i++) {
      String step = steps[i];
      if (isIndex(step)) {
        int index = Integer.parseInt(step);
        current = index < current.size() ? List.of(current.get(index)) : List.of();
      } else {
        List<Element> children = new ArrayList<>();
        for (Element parent : current) children.addAll(named(childElements(parent), step));
        current = children;
      }
    }
    return !current.isEmpty();
  }

  static List<Element> childElements(Node parent) {
    List<Element> children = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling())
      if (child instanceof Element element) children.add(element);
    return children;
  }

  private static List<Element> named(List<Element> elements, String name) {
    return elements.stream().filter(element -> element.getTagName().equals(name)).toList();
  }

  private static boolean isIndex(String step) {
    return step.matches("0|[1-9][0-9]{0,8}");
  }

  private static RequiredElements of(Assertion assertion, List<String> paths) {
    List<String> kept = paths.stream().map(String::strip).filter(path -> !path.isEmpty()).toList();
    for (String path : kept)
      if (path.startsWith(".") || path.endsWith(".") || path.contains(".."))
        throw new EvaluationException(
            assertion.type()
                + " element path "
                + Reasons.quote(path)
                + " has an empty step; write names joined by dots, like root.child");
    return new RequiredElements(kept);
  }

  private static List<String> texts(Assertion assertion, JsonNode list) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isTextual())
        throw new EvaluationException(
            assertion.type()
                + " element paths must be strings, but one is "
                + AssertionValues.describe(item));
      texts.add(item.textValue());
    }
    return texts;
  }
}
