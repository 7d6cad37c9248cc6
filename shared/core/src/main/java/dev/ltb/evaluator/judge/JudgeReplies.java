package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON verdict out of a judge's reply, forgiving what models commonly wrap around it or
 * get slightly wrong: a Markdown code fence, prose before or after the object, trailing commas,
 * single quotes, unquoted keys, comments, and booleans or numbers written as text ({@code "pass":
 * "true"}, {@code "score": "0.8"}). Anything else is not a verdict, and the evaluator fails saying
 * so.
 */
public final class JudgeReplies {

  /** Longest part of a raw reply quoted in a failure reason. */
  public static final int EXCERPT_CHARS = 200;

  private static final ObjectMapper LENIENT =
      JsonMapper.builder()
          .enable(
              JsonReadFeature.ALLOW_TRAILING_COMMA,
              JsonReadFeature.ALLOW_SINGLE_QUOTES,
              JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
              JsonReadFeature.ALLOW_JAVA_COMMENTS,
              JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
              JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .build();

  private static final Set<String> TRUE = Set.of("true", "yes", "y", "pass", "passed", "1");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "fail", "failed", "0");

  private JudgeReplies() {}

  /**
   * The first complete JSON object in the reply, wherever it stands, or empty when there is none.
   */
  public static Optional<ObjectNode> firstObject(String reply) {
    for (int start = reply.indexOf('{'); start >= 0; start = reply.indexOf('{', start + 1)) {
      int end = matchingBrace(reply, start);
      if (end < 0) continue;
      try {
        JsonNode node = LENIENT.readTree(reply.substring(start, end + 1));
        if (node instanceof ObjectNode object) return Optional.of(object);
      } catch (IOException e) {
        // not JSON after all (prose with braces): try the next opening brace
      }
    }
    return Optional.empty();
  }

  /**
   * A boolean, or a boolean written as text ("true", "yes", "pass") or as 1 / 0; empty otherwise.
   */
  public static Optional<Boolean> bool(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) return Optional.empty();
    if (value.isBoolean()) return Optional.of(value.booleanValue());
    String text = value.isNumber() ? value.asText() : value.isTextual() ? value.textValue() : "";
    String word = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\.0+$", "");
    if (TRUE.contains(word)) return Optional.of(true);
    if (FALSE.contains(word)) return Optional.of(false);
    return Optional.empty();
  }

  /** A number, or a number written as text; empty otherwise. */
  public static Optional<Double> number(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) return Optional.empty();
    if (value.isNumber()) return Optional.of(value.doubleValue());
    if (value.isTextual()) {
      try {
        double number = Double.parseDouble(value.textValue().strip());
        return Double.isFinite(number) ? Optional.of(number) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Text, or the text form of a number or boolean; empty for missing, null, blank or structured
   * values.
   */
  public static Optional<String> text(JsonNode value) {
    if (value == null || !value.isValueNode() || value.isNull()) return Optional.empty();
    String text = value.asText().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** The reply on one line, in quotes, cut to {@value #EXCERPT_CHARS} characters. */
  public static String excerpt(String reply) {
    String line = reply.strip().replaceAll("\\s+", " ");
    if (line.length() > EXCERPT_CHARS) {
      int end = EXCERPT_CHARS - 3;
      if (Character.isHighSurrogate(line.charAt(end - 1))) end--;
      line = line.substring(0, end) + "...";
    }
    return '"' + line + '"';
  }

  /**
   * The index of the brace closing the one at {@code start}, skipping braces inside strings; -1 if
   * none.
   */
  private static int matchingBrace(String text, int start) {
    int depth = 0;
    char quote = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') i++;
        else if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
