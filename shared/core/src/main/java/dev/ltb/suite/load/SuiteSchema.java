package dev.ltb.suite.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The committed JSON Schema ({@code dev/ltb/suite/suite.schema.json}) and the translation of its errors into
 * problems that point at the user's line and column and say what is allowed.
 */
final class SuiteSchema {

  static final String RESOURCE = "/dev/ltb/suite/suite.schema.json";
  static final String ID = "https://ltb.dev/schemas/suite.schema.json";

  /** The parts of the schema a document can be checked against. */
  enum Part {
    SUITE("", "a suite is a map with keys such as prompts, providers and tests"),
    TEST("#/$defs/test", "this file holds one test: a map with keys such as vars and assert"),
    TEST_LIST("#/$defs/testList", "a tests file holds a list of tests, each a map with keys such as vars and assert");

    private final String fragment;
    final String rootHint;

    Part(String fragment, String rootHint) {
      this.fragment = fragment;
      this.rootHint = rootHint;
    }
  }

  private static final JsonNode SCHEMA_TREE;
  private static final Map<Part, Schema> SCHEMAS;

  static {
    String text = readResource();
    try {
      SCHEMA_TREE = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("suite.schema.json is not valid JSON", e);
    }
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(ID, text)));
    Map<Part, Schema> schemas = new java.util.EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      Schema schema = registry.getSchema(SchemaLocation.of(ID + part.fragment));
      schema.initializeValidators();
      schemas.put(part, schema);
    }
    SCHEMAS = schemas;
  }

  private SuiteSchema() {}

  /** The schema text, e.g. for {@code ltb schema} or editors. */
  static String text() {
    return readResource();
  }

  static List<SuiteProblem> validate(SourceDocument document, Part part) {
    return validate(document, part, List.of());
  }

  /** Validates, leaving out errors inside {@code skipped} subtrees (already reported another way). */
  static List<SuiteProblem> validate(SourceDocument document, Part part, List<FieldPath> skipped) {
    String instance = Json.write(document.root());
    List<SuiteProblem> problems = new ArrayList<>();
    for (Error error : SCHEMAS.get(part).validate(instance, InputFormat.JSON)) {
      FieldPath at = fieldPath(error.getInstanceLocation());
      if (skipped.stream().noneMatch(at::startsWith)) problems.add(SchemaMessages.toProblem(document, error, part));
    }
    return problems;
  }

  static FieldPath fieldPath(NodePath path) {
    List<Object> segments = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      segments.add(element instanceof Integer index ? index : String.valueOf(element));
    }
    return new FieldPath(segments);
  }

  /** The schema object (our own Jackson tree of it) at a location such as {@code #/$defs/test/properties}. */
  static JsonNode schemaAt(NodePath fragment) {
    JsonNode node = SCHEMA_TREE;
    for (int i = 0; i < fragment.getNameCount() && node != null; i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
    }
    return node;
  }

  private static String readResource() {
    try (InputStream in = SuiteSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
