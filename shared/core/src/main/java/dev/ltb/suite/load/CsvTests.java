package dev.ltb.suite.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a promptfoo tests CSV into test objects (the same shape as YAML tests, so the same schema and
 * vocabulary checks apply), remembering the line and column of every cell. One row is one test; columns:
 *
 * <ul>
 *   <li>{@code __expected}, {@code __expected1..N}: one assertion each (see {@link ExpectedCell})
 *   <li>{@code __description}, {@code __threshold} (empty = unset), {@code __metric} (for every assertion)
 *   <li>{@code __metadata:key}, {@code __metadata:key[]} (comma list, {@code \,} escapes a comma)
 *   <li>{@code __config:__expectedN:threshold}: threshold of the row's Nth assertion ({@code __expected}: the
 *       first), as in promptfoo
 *   <li>any other column: a var (a string)
 * </ul>
 */
final class CsvTests {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern EXPECTED_COLUMN = Pattern.compile("__expected\\d*");
  private static final Set<String> UNSUPPORTED = Set.of("__prefix", "__suffix", "__providerOutput");
  private static final List<String> SPECIAL =
      List.of(
          "__expected", "__description", "__threshold", "__metric", "__metadata:<key>",
          "__config:<column>:threshold");

  private final ExpectedCell expectedCell;

  CsvTests(ExpectedCell expectedCell) {
    this.expectedCell = expectedCell;
  }

  /** The tests in {@code text}, or null when the file cannot be parsed (problems say why). */
  SourceDocument read(String name, Path path, String text, List<SuiteProblem> problems) {
    String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Positions positions = new Positions(csv);
    List<CSVRecord> records;
    try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(csv))) {
      records = parser.getRecords();
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      problems.add(syntaxProblem(name, String.valueOf(cause.getMessage()), positions));
      return null;
    }
    ArrayNode tests = NODES.arrayNode();
    SourceDocument document = new SourceDocument(name, path, tests);
    if (records.isEmpty()) {
      problems.add(new SuiteProblem(name, 1, 1, "", "the file is empty; the first row must name the columns"));
      return null;
    }
    CSVRecord header = records.getFirst();
    String[] columns = header.stream().map(String::strip).toArray(String[]::new);
    SourceLocation[] headerCells = positions.cells(header.getCharacterPosition(), columns.length);
    if (!checkHeader(name, columns, headerCells, problems)) return document;

    for (int row = 1; row < records.size(); row++) {
      CSVRecord record = records.get(row);
      int index = row - 1;
      FieldPath testPath = FieldPath.ROOT.index(index);
      SourceLocation[] cells = positions.cells(record.getCharacterPosition(), record.size());
      document.recordValue(testPath, cells[0]);
      if (record.size() > columns.length) {
        SourceLocation extra = cells[columns.length];
        problems.add(
            new SuiteProblem(
                name,
                extra.line(),
                extra.column(),
                "",
                "row has %d cells but the header names %d columns; quote cells that contain commas"
                    .formatted(record.size(), columns.length)));
        continue;
      }
      tests.add(readRow(document, testPath, columns, record, cells, problems));
    }
    return document;
  }

  /** commons-csv says where in its message; we turn that into a line and column and plain words. */
  private static SuiteProblem syntaxProblem(String name, String message, Positions positions) {
    SourceLocation at = SourceLocation.START;
    Matcher position = Pattern.compile("position: (\\d+)").matcher(message);
    Matcher line = Pattern.compile("(?:startline|line:?) (\\d+)").matcher(message);
    if (position.find()) at = positions.at(Math.max(0, Integer.parseInt(position.group(1)) - 1));
    else if (line.find()) at = new SourceLocation(Integer.parseInt(line.group(1)), 1);
    String what;
    if (message.contains("EOF reached before encapsulated token finished")) {
      what = "a quoted cell is never closed; add the closing \"";
    } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
      what = "text after a closing quote; inside a quoted cell write \"\" for a quote character";
    } else {
      what = message;
    }
    return new SuiteProblem(name, at.line(), at.column(), "", "CSV syntax error: " + what);
  }

  private static boolean checkHeader(
      String name, String[] columns, SourceLocation[] cells, List<SuiteProblem> problems) {
    int before = problems.size();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.length; i++) {
      String column = columns[i];
      SourceLocation at = cells[i];
      String problem = null;
      if (seen.putIfAbsent(column, i) != null) {
        problem = "duplicate column \"%s\"; name each column once".formatted(column);
      } else if (column.isEmpty()) {
        problem = "column %d has no name".formatted(i + 1);
      } else if (UNSUPPORTED.contains(column)) {
        problem = "column \"%s\" is not supported; supported special columns: %s".formatted(column, SPECIAL);
      } else if (column.equals("__metadata")) {
        problem = "column \"__metadata\" needs a key, e.g. __metadata:category";
      } else if (column.startsWith("__config:")) {
        problem = configColumnProblem(column);
      } else if (column.startsWith("__")
          && !EXPECTED_COLUMN.matcher(column).matches()
          && !column.startsWith("__metadata:")
          && !List.of("__description", "__threshold", "__metric").contains(column)) {
        problem =
            "unknown special column \"%s\"%s; special columns: %s"
                .formatted(column, Suggestions.didYouMean(column, specialNames()), SPECIAL);
      } else if (column.startsWith("_") && !column.startsWith("__") && isSpecialName("_" + column)) {
        problem =
            "column \"%s\" has one leading underscore; special columns take two: \"_%s\"".formatted(column, column);
      }
      if (problem != null) problems.add(new SuiteProblem(name, at.line(), at.column(), column, problem));
    }
    return problems.size() == before;
  }

  private static String configColumnProblem(String column) {
    String[] parts = column.substring("__config:".length()).split(":");
    if (parts.length != 2) return "write __config:<__expected column>:threshold, e.g. __config:__expected2:threshold";
    if (!parts[1].equals("threshold")) {
      return "unknown config key \"%s\"; the only config key is threshold".formatted(parts[1]);
    }
    if (!parts[0].matches("__expected([1-9][0-9]*)?")) {
      return "\"%s\" is not an assertion; write __config:__expected:threshold or __config:__expected<N>:threshold"
          .formatted(parts[0]);
    }
    return null;
  }

  private static List<String> specialNames() {
    return List.of("__expected", "__description", "__threshold", "__metric", "__metadata", "__config");
  }

  private static boolean isSpecialName(String column) {
    return EXPECTED_COLUMN.matcher(column).matches()
        || column.startsWith("__metadata")
        || column.startsWith("__config")
        || specialNames().contains(column);
  }

  private ObjectNode readRow(
      SourceDocument document,
      FieldPath testPath,
      String[] columns,
      CSVRecord record,
      SourceLocation[] cells,
      List<SuiteProblem> problems) {
    ObjectNode test = NODES.objectNode();
    ObjectNode vars = NODES.objectNode();
    ArrayNode asserts = NODES.arrayNode();
    ObjectNode metadata = NODES.objectNode();
    Map<String, Integer> configColumns = new LinkedHashMap<>();
    String metric = null;
    for (int i = 0; i < columns.length; i++) {
      String column = columns[i];
      String cell = i < record.size() ? record.get(i) : "";
      SourceLocation at = i < cells.length ? cells[i] : cells[cells.length - 1];
      if (EXPECTED_COLUMN.matcher(column).matches()) {
        if (cell.isBlank()) continue;
        FieldPath assertPath = testPath.key("assert").index(asserts.size());
        try {
          ObjectNode assertion = expectedCell.parse(cell);
          asserts.add(assertion);
          document.recordValue(assertPath, at);
          document.recordFieldName(assertPath, column);
        } catch (IllegalArgumentException e) {
          problems.add(new SuiteProblem(document.name(), at.line(), at.column(), column, e.getMessage()));
        }
      } else if (column.equals("__description")) {
        if (!cell.isBlank()) put(document, test, testPath.key("description"), column, at, NODES.textNode(cell));
      } else if (column.equals("__threshold")) {
        if (!cell.isBlank()) put(document, test, testPath.key("threshold"), column, at, number(cell));
      } else if (column.equals("__metric")) {
        metric = cell.isBlank() ? null : cell.strip();
      } else if (column.startsWith("__metadata:")) {
        readMetadata(document, metadata, testPath.key("metadata"), column, cell, at);
      } else if (column.startsWith("__config:")) {
        configColumns.put(column, i);
      } else {
        put(document, vars, testPath.key("vars").key(column), column, at, NODES.textNode(cell));
      }
    }
    for (Map.Entry<String, Integer> config : configColumns.entrySet()) {
      String target = config.getKey().substring("__config:".length()).split(":")[0];
      int i = config.getValue();
      String cell = i < record.size() ? record.get(i) : "";
      // As in promptfoo: __expected and __expected1 name the row's first assertion, __expectedN its Nth.
      int index = target.equals("__expected") ? 0 : Integer.parseInt(target.substring("__expected".length())) - 1;
      if (cell.isBlank() || index >= asserts.size()) continue;
      try {
        ((ObjectNode) asserts.get(index)).put("threshold", Double.parseDouble(cell.strip()));
      } catch (NumberFormatException e) {
        SourceLocation at = cells[Math.min(i, cells.length - 1)];
        problems.add(
            new SuiteProblem(
                document.name(), at.line(), at.column(), config.getKey(),
                "must be a number, got " + SchemaMessages.quote(cell)));
      }
    }
    if (metric != null) {
      for (var assertion : asserts) ((ObjectNode) assertion).put("metric", metric);
    }
    if (!vars.isEmpty()) test.set("vars", vars);
    if (!asserts.isEmpty()) test.set("assert", asserts);
    if (!metadata.isEmpty()) test.set("metadata", metadata);
    return test;
  }

  private static void readMetadata(
      SourceDocument document, ObjectNode metadata, FieldPath path, String column, String cell, SourceLocation at) {
    String key = column.substring("__metadata:".length());
    if (cell.isBlank()) return;
    if (key.endsWith("[]")) {
      ArrayNode values = NODES.arrayNode();
      for (String value : cell.split("(?<!\\\\),")) values.add(value.strip().replace("\\,", ","));
      put(document, metadata, path.key(key.substring(0, key.length() - 2)), column, at, values);
    } else {
      put(document, metadata, path.key(key), column, at, NODES.textNode(cell));
    }
  }

  private static void put(
      SourceDocument document,
      ObjectNode parent,
      FieldPath path,
      String column,
      SourceLocation at,
      com.fasterxml.jackson.databind.JsonNode value) {
    parent.set(path.lastKey(), value);
    document.recordValue(path, at);
    document.recordFieldName(path, column);
  }

  /** A number when the cell is one; otherwise the text, which the schema then reports as not a number. */
  private static com.fasterxml.jackson.databind.JsonNode number(String cell) {
    try {
      return NODES.numberNode(Double.parseDouble(cell.strip()));
    } catch (NumberFormatException e) {
      return NODES.textNode(cell);
    }
  }

  /** Line and column of CSV cells, found by re-scanning the text from a record's start offset. */
  private static final class Positions {
    private final String text;
    private final List<Integer> lineStarts = new ArrayList<>();

    Positions(String text) {
      this.text = text;
      lineStarts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') lineStarts.add(i + 1);
      }
    }

    SourceLocation[] cells(long recordStart, int count) {
      SourceLocation[] cells = new SourceLocation[Math.max(1, count)];
      int offset = (int) recordStart;
      cells[0] = at(offset);
      boolean quoted = false;
      int cell = 0;
      for (int i = offset; i < text.length() && cell + 1 < count; i++) {
        char c = text.charAt(i);
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == ',') cells[++cell] = at(i + 1);
        else if (!quoted && (c == '\n' || c == '\r')) break;
      }
      for (int i = 1; i < cells.length; i++) if (cells[i] == null) cells[i] = cells[i - 1];
      return cells;
    }

    SourceLocation at(int offset) {
      int line = java.util.Collections.binarySearch(lineStarts, offset);
      if (line < 0) line = -line - 2;
      return new SourceLocation(line + 1, offset - lineStarts.get(line) + 1);
    }
  }
}
