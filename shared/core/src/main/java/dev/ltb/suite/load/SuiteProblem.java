package dev.ltb.suite.load;

import java.util.Objects;

/**
 * One thing wrong with a suite, pointing at the offending node in the file the user wrote.
 *
 * @param file the file as the user named it (the suite, or a file it references such as {@code tests.csv})
 * @param line 1-based line of the offending node
 * @param column 1-based column of the offending node
 * @param field where in the document, as written ({@code tests[3].assert[0].type}, or a CSV column such as
 *     {@code __expected}); empty when the problem concerns the whole file
 * @param message what is wrong and what is allowed
 */
public record SuiteProblem(String file, int line, int column, String field, String message) {

  public SuiteProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    field = field == null ? "" : field;
  }

  /** {@code suite.yaml:14:9: tests[3].assert[0].type: unknown assertion type "contians"; ...}. */
  public String format() {
    String where = file + ":" + line + ":" + column + ": ";
    return field.isEmpty() ? where + message : where + field + ": " + message;
  }

  @Override
  public String toString() {
    return format();
  }
}
