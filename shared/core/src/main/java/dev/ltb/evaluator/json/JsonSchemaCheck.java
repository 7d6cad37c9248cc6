package dev.ltb.evaluator.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.json.Json;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A compiled JSON Schema: the optional value of {@code is-json} and {@code contains-json}, and the
 * parameters of tool definitions. Schemas without {@code $schema} are read as draft-07, the default
 * of the Ajv validator promptfoo uses; remote {@code $ref}s are never fetched.
 */
public final class JsonSchemaCheck {

  private static final int ERRORS_SHOWN = 3;

  // A suite repeats the same few schemas over many outputs; compiling one costs more than using it.
  private static final int COMPILED_KEPT = 256;
  private static final Map<String, JsonSchemaCheck> COMPILED = new ConcurrentHashMap<>();

  // The validator is built on Jackson 3; schemas and documents cross over as JSON text.
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private final Schema schema;

  private JsonSchemaCheck(Schema schema) {
    this.schema = schema;
  }

  /** The schema in the assertion's value, or null when it has none. */
  static JsonSchemaCheck fromValue(Assertion assertion) {
    JsonNode value = assertion.value();
    if (value == null || value.isNull() || value.isMissingNode()) return null;
    if (value.isTextual() && value.textValue().isBlank()) return null;
    JsonNode schemaNode =
        value.isTextual() ? readSchemaText(assertion.type(), value.textValue()) : value;
    if (!schemaNode.isObject() && !schemaNode.isBoolean())
      throw new EvaluationException(
          assertion.type()
              + " value must be a JSON Schema (an object), got "
              + AssertionValues.describe(value));
    return of(schemaNode);
  }

  /**
   * The schema compiled, from a cache of recent ones.
   *
   * @throws EvaluationException when it is no valid JSON Schema
   */
  public static JsonSchemaCheck of(JsonNode schemaNode) {
    String schemaJson = schemaNode.toString();
    JsonSchemaCheck compiled = COMPILED.get(schemaJson);
    if (compiled != null) return compiled;
    compiled = compile(schemaNode, schemaJson);
    if (COMPILED.size() >= COMPILED_KEPT) COMPILED.clear();
    COMPILED.put(schemaJson, compiled);
    return compiled;
  }

  private static JsonSchemaCheck compile(JsonNode schemaNode, String schemaJson) {
    Schema schema;
    try {
      schema = SCHEMAS.getSchema(schemaJson, InputFormat.JSON);
      schema.initializeValidators();
    } catch (RuntimeException e) {
      throw new EvaluationException("invalid JSON schema: " + e.getMessage(), e);
    }
    // Like Ajv, refuse a schema that breaks its meta-schema ({type: 5}) instead of ignoring it.
    String violations = new JsonSchemaCheck(metaSchemaOf(schemaNode)).violations(schemaJson);
    if (!violations.isEmpty()) throw new EvaluationException("invalid JSON schema: " + violations);
    return new JsonSchemaCheck(schema);
  }

  private static Schema metaSchemaOf(JsonNode schema) {
    String dialect = schema.path("$schema").asText(SpecificationVersion.DRAFT_7.getDialectId());
    SpecificationVersion version =
        SpecificationVersion.fromDialectId(dialect).orElse(SpecificationVersion.DRAFT_7);
    return SCHEMAS.getSchema(SchemaLocation.of(version.getDialectId()));
  }

  /** What in the JSON breaks the schema, or an empty string when it conforms. */
  public String violations(JsonNode json) {
    return violations(json.toString());
  }

  private String violations(String json) {
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    String shown =
        errors.stream()
            .limit(ERRORS_SHOWN)
            .map(JsonSchemaCheck::describe)
            .collect(Collectors.joining("; "));
    return errors.size() > ERRORS_SHOWN
        ? shown + "; and " + (errors.size() - ERRORS_SHOWN) + " more"
        : shown;
  }

  private static String describe(Error error) {
    String at = error.getInstanceLocation().toString();
    return at.isEmpty() ? error.getMessage() : at + ": " + error.getMessage();
  }

  private static JsonNode readSchemaText(String type, String text) {
    try {
      // YAML reads JSON too, as promptfoo's js-yaml load does.
      return Json.yaml().readTree(text);
    } catch (JsonProcessingException e) {
      throw new EvaluationException(
          type + " value is not a readable JSON Schema: " + e.getOriginalMessage(), e);
    }
  }
}
