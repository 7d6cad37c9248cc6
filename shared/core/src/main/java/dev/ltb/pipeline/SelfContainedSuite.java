package dev.ltb.pipeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import dev.ltb.json.Json;
import dev.ltb.suite.load.SuiteProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A suite run in the cloud must carry everything in itself: a {@code file://} reference there would read
 * the worker's own file system (its code, its environment), never the user's files. This check finds every
 * such reference before the loader could follow one. Syntax errors are left to the loader, which reports
 * them with their position.
 */
public final class SelfContainedSuite {

  private static final String FILE = "file://";

  private SelfContainedSuite() {}

  /** One problem per {@code file://} value in the suite text, with its line, column and field. */
  public static List<SuiteProblem> problems(String text, String sourceName) {
    List<SuiteProblem> problems = new ArrayList<>();
    var mapper = sourceName.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? Json.mapper() : Json.yaml();
    try (JsonParser parser = mapper.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING && parser.getText().strip().startsWith(FILE)) {
          JsonLocation at = parser.currentTokenLocation();
          problems.add(
              new SuiteProblem(
                  sourceName, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()),
                  field(parser.getParsingContext().pathAsPointer()),
                  "file:// references cannot be read in the cloud; put the referenced content into the suite"
                      + " itself"));
        }
      }
    } catch (IOException e) {
      return List.of(); // not parseable: the loader reports the syntax error with its position
    }
    return problems;
  }

  /** {@code /tests/3/vars/doc} as the loader names fields: {@code tests[3].vars.doc}. */
  private static String field(JsonPointer pointer) {
    StringBuilder field = new StringBuilder();
    for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
      if (p.mayMatchElement()) field.append('[').append(p.getMatchingIndex()).append(']');
      else field.append(field.isEmpty() ? "" : ".").append(p.getMatchingProperty());
    }
    return field.toString();
  }
}
