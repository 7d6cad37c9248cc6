package dev.ltb.evaluator.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ltb.json.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Reading JSON out of model outputs: strictly (the whole text) or embedded in prose. */
public final class JsonText {

  /**
   * Longest candidate the embedded scan tries to parse, so a stray brace cannot make it quadratic
   * in size.
   */
  static final int MAX_EMBEDDED_LENGTH = 100_000;

  private static final ObjectReader STRICT =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonText() {}

  /**
   * The text as one JSON value (like JavaScript's {@code JSON.parse}), or empty when it is not
   * JSON.
   */
  public static Optional<JsonNode> parse(String text) {
    try {
      return Optional.of(read(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /**
   * The text as one JSON value.
   *
   * @throws JsonProcessingException when it is not JSON; {@link #describe} turns it into a short
   *     message
   */
  static JsonNode read(String text) throws JsonProcessingException {
    JsonNode node = STRICT.readTree(text);
    if (node == null || node.isMissingNode()) throw new JsonEmptyException();
    return node;
  }

  /** Why a text is not JSON, in one short line. */
  static String describe(JsonProcessingException e) {
    if (e instanceof JsonEmptyException) return "it is empty";
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() < 1) return e.getOriginalMessage();
    return e.getOriginalMessage()
        + " (line "
        + at.getLineNr()
        + ", column "
        + at.getColumnNr()
        + ")";
  }

  /**
   * The JSON objects and arrays found in the text, in order: the whole text when it is one, else
   * each outermost object or array embedded in prose or code fences. An embedded array counts only
   * when it holds objects or arrays, so citation marks like {@code [1]} are not taken for JSON.
   */
  public static List<JsonNode> extract(String text) {
    Optional<JsonNode> whole = parse(text);
    if (whole.isPresent() && whole.get().isContainerNode()) return List.of(whole.get());

    List<JsonNode> found = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      char c = text.charAt(start);
      int end = c == '{' || c == '[' ? closingBracket(text, start) : -1;
      Optional<JsonNode> json = end < 0 ? Optional.empty() : parse(text.substring(start, end + 1));
      if (json.isPresent() && (json.get().isObject() || holdsContainers(json.get()))) {
        found.add(json.get());
        start = end + 1;
      } else {
        start++;
      }
    }
    return found;
  }

  /**
   * True when both are the same JSON: objects regardless of key order, numbers by value (1 equals
   * 1.0).
   */
  public static boolean sameJson(JsonNode expected, JsonNode actual) {
    return expected.equals(
        (a, b) -> {
          if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
          return a.equals(b) ? 0 : 1;
        },
        actual);
  }

  private static boolean holdsContainers(JsonNode array) {
    for (JsonNode item : array) if (item.isContainerNode()) return true;
    return false;
  }

  /**
   * Index of the bracket closing the one at {@code start}, skipping strings; -1 when unbalanced.
   */
  private static int closingBracket(String text, int start) {
    Deque<Character> open = new ArrayDeque<>();
    boolean inString = false;
    int limit = Math.min(text.length(), start + MAX_EMBEDDED_LENGTH);
    for (int i = start; i < limit; i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        open.push(c == '{' ? '}' : ']');
      } else if (c == '}' || c == ']') {
        if (open.pop() != c) return -1;
        if (open.isEmpty()) return i;
      }
    }
    return -1;
  }

  /** Jackson reads an empty text as "no value" rather than failing; JSON.parse("") is an error. */
  private static final class JsonEmptyException extends JsonProcessingException {
    JsonEmptyException() {
      super("no JSON value");
    }
  }
}
