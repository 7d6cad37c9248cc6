package dev.ltb.suite.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a CSV {@code __expected} cell the way promptfoo does: {@code contains: Paris}, {@code icontains:x},
 * {@code not-regex:\d}, {@code similar(0.9):text}, {@code contains-any:a,b}, {@code is-json},
 * {@code grade:}/{@code llm-rubric:}, {@code javascript:}/{@code fn:}/{@code eval:}, {@code python:},
 * {@code file://check.py}; anything else is an {@code equals} assertion on the whole cell.
 */
final class ExpectedCell {

  /** promptfoo's base assertion types: a cell starting with one of them is that assertion, not equals. */
  static final Set<String> PROMPTFOO_TYPES =
      Set.of(
          "answer-relevance", "bleu", "classifier", "contains", "contains-all", "contains-any", "contains-html",
          "contains-json", "contains-sql", "contains-xml", "context-faithfulness", "context-recall",
          "context-relevance", "conversation-relevance", "cost", "equals", "factuality", "finish-reason",
          "g-eval", "gleu", "guardrails", "icontains", "icontains-all", "icontains-any", "is-html", "is-json",
          "is-refusal", "is-sql", "is-valid-function-call", "is-valid-openai-function-call",
          "is-valid-openai-tools-call", "is-xml", "javascript", "latency", "levenshtein", "llm-rubric",
          "max-score", "meteor", "model-graded-closedqa", "model-graded-factuality", "moderation",
          "perplexity", "perplexity-score", "pi", "python", "regex", "rouge-n", "ruby", "select-best",
          "similar", "starts-with", "tool-call-f1", "webhook", "word-count");

  private static final Set<String> LIST_TYPES =
      Set.of("contains-all", "contains-any", "icontains-all", "icontains-any");
  private static final Set<String> JSON_TYPES = Set.of("contains-json", "is-json");
  private static final Pattern JAVASCRIPT_FILE = Pattern.compile("^file://.+\\.(js|cjs|mjs|ts|cts|mts)(:.*)?$");
  private static final Pattern PYTHON_FILE = Pattern.compile("^file://.+\\.py(:.*)?$");
  private static final Pattern TYPED_PREFIX = Pattern.compile("^(not-)?([a-z][a-z0-9-]*[a-z0-9])(\\(([^)]*)\\))?(:|$)");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Pattern assertion;
  private final Set<String> types;

  /** @param knownTypes the bench's assertion types; promptfoo's are recognised too, so they can be reported */
  ExpectedCell(Collection<String> knownTypes) {
    this.types = new TreeSet<>(PROMPTFOO_TYPES);
    types.addAll(knownTypes);
    String alternatives =
        types.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    this.assertion = Pattern.compile("^(not-)?(" + alternatives + ")(?:\\((\\d+(?:\\.\\d+)?)\\))?(?::([\\s\\S]*))?$");
  }

  /** The assertion the cell stands for, or an {@link IllegalArgumentException} saying what is wrong. */
  ObjectNode parse(String cell) {
    String expected = cell.strip();
    if (startsWithAny(expected, "javascript:", "fn:", "eval:")) {
      return assertion("javascript", afterColon(expected).strip());
    }
    if (JAVASCRIPT_FILE.matcher(expected).matches()) return assertion("javascript", expected);
    if (startsWithAny(expected, "grade:", "llm-rubric:")) {
      return assertion("llm-rubric", afterColon(expected).strip());
    }
    if (expected.startsWith("python:")) return assertion("python", afterColon(expected).strip());
    if (PYTHON_FILE.matcher(expected).matches()) return assertion("python", expected);

    Matcher match = assertion.matcher(expected);
    if (match.matches()) return typed(match);
    rejectNearMisses(expected);
    return assertion("equals", expected);
  }

  private ObjectNode typed(Matcher match) {
    String type = match.group(2);
    String value = match.group(4);
    ObjectNode node = NODES.objectNode();
    node.put("type", match.group(1) == null ? type : "not-" + type);
    if (value != null && !value.isBlank()) {
      if (LIST_TYPES.contains(type)) {
        ArrayNode items = node.putArray("value");
        for (String item : value.split(",")) items.add(item.strip());
      } else if (JSON_TYPES.contains(type)) {
        node.set("value", jsonOrText(value.strip()));
      } else {
        node.put("value", value.strip());
      }
    }
    if (match.group(3) != null) node.put("threshold", Double.parseDouble(match.group(3)));
    return node;
  }

  /**
   * promptfoo would silently turn "contians: Paris" or "similar(high):x" into an equals assertion on the
   * whole text, which then never passes; we report it instead.
   */
  private void rejectNearMisses(String expected) {
    Matcher prefix = TYPED_PREFIX.matcher(expected);
    if (!prefix.find()) return;
    String word = prefix.group(2);
    if (types.contains(word) && prefix.group(3) != null) {
      throw new IllegalArgumentException(
          "the threshold in \"%s(%s)\" must be a number, e.g. %s(0.8):text".formatted(word, prefix.group(4), word));
    }
    if (prefix.group(5).equals(":") && word.length() >= 4 && !types.contains(word)) {
      String not = prefix.group(1) == null ? "" : "not-";
      Suggestions.closest(word, types)
          .ifPresent(
              match -> {
                throw new IllegalArgumentException(
                    ("unknown assertion type \"%s\"; did you mean \"%s\"? (to compare the output with this exact"
                            + " text, write equals:%s)")
                        .formatted(not + word, not + match, expected));
              });
    }
  }

  private static JsonNode jsonOrText(String value) {
    if (value.startsWith("{")) {
      try {
        return Json.mapper().readTree(value);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return NODES.textNode(value);
      }
    }
    return NODES.textNode(value);
  }

  private static ObjectNode assertion(String type, String value) {
    ObjectNode node = NODES.objectNode();
    node.put("type", type);
    if (!value.isEmpty()) node.put("value", value);
    return node;
  }

  private static boolean startsWithAny(String text, String... prefixes) {
    for (String prefix : prefixes) {
      if (text.startsWith(prefix)) return true;
    }
    return false;
  }

  private static String afterColon(String text) {
    return text.substring(text.indexOf(':') + 1);
  }
}
