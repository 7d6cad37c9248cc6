package dev.ltb.suite.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML, JSON or JSON Lines into a Jackson tree while recording the line and column of every key and
 * value, which a tree read by {@code ObjectMapper.readTree} forgets.
 */
final class TreeReader {

  enum Format {
    YAML,
    JSON,
    /** One JSON value per line; the document's root is the list of them. */
    JSON_LINES;

    static Format of(String fileName) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".jsonl")) return JSON_LINES;
      if (lower.endsWith(".json")) return JSON;
      return YAML;
    }
  }

  // YAML 1.2 semantics like promptfoo's js-yaml: "Yes", "No", "on" and "off" stay strings.
  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build();
  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final List<SuiteProblem> problems;
  private final Map<FieldPath, SourceLocation> values = new HashMap<>();
  private final Map<FieldPath, SourceLocation> keys = new HashMap<>();

  private TreeReader(String name, List<SuiteProblem> problems) {
    this.name = name;
    this.problems = problems;
  }

  /**
   * Parses {@code text}; on a syntax error adds a problem at the parser's position and returns null. An
   * empty document reads as a null root. Duplicate keys are reported (the last one wins).
   */
  static SourceDocument read(String name, Path path, String text, Format format, List<SuiteProblem> problems) {
    TreeReader reader = new TreeReader(name, problems);
    try (JsonParser parser = (format == Format.YAML ? YAML : JSON).createParser(text)) {
      JsonNode root;
      if (format == Format.JSON_LINES) {
        ArrayNode lines = NODES.arrayNode();
        while (parser.nextToken() != null) {
          lines.add(reader.readValue(parser, FieldPath.ROOT.index(lines.size())));
        }
        root = lines;
      } else {
        root = parser.nextToken() == null ? null : reader.readValue(parser, FieldPath.ROOT);
        if (root != null && format == Format.JSON && parser.nextToken() != null) {
          throw new JsonParseException(parser, "unexpected content after the JSON value");
        }
      }
      SourceDocument document = new SourceDocument(name, path, root);
      reader.values.forEach(document::recordValue);
      reader.keys.forEach(document::recordKey);
      return document;
    } catch (JsonProcessingException e) {
      problems.add(syntaxProblem(name, e));
      return null;
    } catch (IOException e) {
      problems.add(new SuiteProblem(name, 1, 1, "", "cannot be read: " + e.getMessage()));
      return null;
    }
  }

  private JsonNode readValue(JsonParser parser, FieldPath path) throws IOException {
    SourceLocation location = locationOf(parser.currentTokenLocation());
    values.put(path, location);
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> readObject(parser, path);
      case START_ARRAY -> readArray(parser, path);
      case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new JsonParseException(parser, "unexpected " + token);
    };
  }

  private ObjectNode readObject(JsonParser parser, FieldPath path) throws IOException {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      FieldPath child = path.key(key);
      SourceLocation keyLocation = locationOf(parser.currentTokenLocation());
      if (object.has(key)) {
        SourceLocation first = keys.get(child);
        problems.add(
            new SuiteProblem(
                name,
                keyLocation.line(),
                keyLocation.column(),
                child.display(),
                "duplicate key \"%s\" (first written on line %d); keep one".formatted(key, first.line())));
      }
      keys.put(child, keyLocation);
      parser.nextToken();
      object.set(key, readValue(parser, child));
    }
    return object;
  }

  private ArrayNode readArray(JsonParser parser, FieldPath path) throws IOException {
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(readValue(parser, path.index(array.size())));
    }
    return array;
  }

  private static SourceLocation locationOf(JsonLocation location) {
    return new SourceLocation(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private static SuiteProblem syntaxProblem(String name, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      // The YAML parser's own problem mark; Jackson's location for these can be off by a line.
      Mark at = yaml.getProblemMark();
      String context = "";
      if (yaml.getContext() != null && yaml.getContextMark() != null) {
        Mark start = yaml.getContextMark();
        context = " (%s that starts at %d:%d)".formatted(yaml.getContext(), start.getLine() + 1, start.getColumn() + 1);
      }
      return new SuiteProblem(
          name, at.getLine() + 1, at.getColumn() + 1, "", "syntax error: " + yaml.getProblem() + context);
    }
    JsonLocation location = e.getLocation();
    SourceLocation at = location == null ? SourceLocation.START : locationOf(location);
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    String firstLine = message.lines().findFirst().orElse(message).strip();
    return new SuiteProblem(name, at.line(), at.column(), "", "syntax error: " + firstLine);
  }
}
