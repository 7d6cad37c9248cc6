package dev.ltb.evaluator;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code a, b, "c, d"} into fields as promptfoo does for {@code contains-any}/{@code
 * contains-all} string values: fields are trimmed, empty fields are skipped, and a double-quoted
 * field may hold commas ({@code ""} or {@code \"} for a quote inside it).
 */
final class CommaSeparatedValues {

  private CommaSeparatedValues() {}

  static List<String> parse(String text) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    while (true) {
      while (i < text.length() && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i))))
        i++;
      if (i >= text.length()) return fields;
      if (text.charAt(i) == '"') {
        i = quotedField(text, i, fields);
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        if (i < text.length() && text.charAt(i) != ',')
          throw new EvaluationException(
              "expected a comma after the quoted field in " + Reasons.quote(text));
      } else {
        int end = text.indexOf(',', i);
        end = end < 0 ? text.length() : end;
        fields.add(text.substring(i, end).strip());
        i = end;
      }
    }
  }

  private static int quotedField(String text, int start, List<String> fields) {
    StringBuilder field = new StringBuilder();
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean hasNext = i + 1 < text.length();
      if (c == '\\' && hasNext && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
        field.append(text.charAt(i + 1));
        i += 2;
      } else if (c == '"' && hasNext && text.charAt(i + 1) == '"') {
        field.append('"');
        i += 2;
      } else if (c == '"') {
        fields.add(field.toString());
        return i + 1;
      } else {
        field.append(c);
        i++;
      }
    }
    throw new EvaluationException("unterminated quoted field in " + Reasons.quote(text));
  }
}
