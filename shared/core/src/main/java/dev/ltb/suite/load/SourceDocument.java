package dev.ltb.suite.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed suite file (or a file it references) that remembers where every node came from, so a problem
 * found in the tree, by the schema or by the loader, points at the line and column the user wrote.
 */
final class SourceDocument {

  private final String name;
  private final Path path;
  private final JsonNode root;
  private final Map<FieldPath, SourceLocation> valueLocations = new HashMap<>();
  private final Map<FieldPath, SourceLocation> keyLocations = new HashMap<>();
  private final Map<FieldPath, String> fieldNames = new HashMap<>();

  SourceDocument(String name, Path path, JsonNode root) {
    this.name = name;
    this.path = path;
    this.root = root;
  }

  /** The file as the user names it, used in messages. */
  String name() {
    return name;
  }

  /** The file on disk, or null for text given inline. */
  Path path() {
    return path;
  }

  JsonNode root() {
    return root;
  }

  void recordValue(FieldPath field, SourceLocation location) {
    valueLocations.put(field, location);
  }

  void recordKey(FieldPath field, SourceLocation location) {
    keyLocations.put(field, location);
  }

  /** Shows {@code name} instead of the path for this node and everything below it (CSV columns). */
  void recordFieldName(FieldPath field, String displayName) {
    fieldNames.put(field, displayName);
  }

  /** Where the node starts; a node without a location of its own (e.g. a missing key) gets its parent's. */
  SourceLocation locate(FieldPath field) {
    for (FieldPath at = field; ; at = at.parent()) {
      SourceLocation location = valueLocations.get(at);
      if (location != null) return location;
      if (at.isRoot()) return SourceLocation.START;
    }
  }

  /** Where the node's key is written, for problems with the key itself (unknown or duplicate keys). */
  SourceLocation locateKey(FieldPath field) {
    SourceLocation location = keyLocations.get(field);
    return location != null ? location : locate(field);
  }

  String display(FieldPath field) {
    for (FieldPath at = field; ; at = at.parent()) {
      String shown = fieldNames.get(at);
      if (shown != null) return shown;
      if (at.isRoot()) return field.display();
    }
  }

  SuiteProblem problem(FieldPath field, String message) {
    SourceLocation location = locate(field);
    return new SuiteProblem(name, location.line(), location.column(), display(field), message);
  }

  SuiteProblem keyProblem(FieldPath field, String message) {
    SourceLocation location = locateKey(field);
    return new SuiteProblem(name, location.line(), location.column(), display(field), message);
  }
}
