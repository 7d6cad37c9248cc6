package dev.ltb.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The responses the generated OpenAPI document promises, as JSON Schemas (OpenAPI 3.1 schemas are JSON Schema 2020-12)
 * that an answer can be checked against. Strict: an object schema of {@code components/schemas} allows no property it
 * does not list, so a field the code writes but the document omits fails too.
 */
final class DocumentedResponses {

  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final ObjectNode document;

  private DocumentedResponses(ObjectNode document) {
    this.document = document;
  }

  static DocumentedResponses read(Path file) {
    try {
      ObjectNode document = (ObjectNode) Json.yaml().readTree(Files.readString(file));
      document.path("components").path("schemas").forEach(DocumentedResponses::closeObject);
      return new DocumentedResponses(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ObjectNode document() {
    return document;
  }

  /** The response object of {@code method path} for {@code status}, references resolved; missing when undocumented. */
  JsonNode response(String method, String pathTemplate, int status) {
    JsonNode response =
        document.path("paths").path(pathTemplate).path(method.toLowerCase()).path("responses").path("" + status);
    return resolve(response);
  }

  /** The headers the response of {@code method path} for {@code status} must carry. */
  List<String> requiredHeaders(String method, String pathTemplate, int status) {
    return response(method, pathTemplate, status).path("headers").propertyStream()
        .filter(header -> resolve(header.getValue()).path("required").asBoolean())
        .map(Map.Entry::getKey).toList();
  }

  /** What is wrong with {@code body} as the documented {@code mediaType} answer; empty when it conforms. */
  List<String> violations(String method, String pathTemplate, int status, String mediaType, String body) {
    JsonNode response = response(method, pathTemplate, status);
    if (response.isMissingNode())
      return List.of(method + " " + pathTemplate + " does not document status " + status);
    JsonNode schema = response.path("content").path(mediaType).path("schema");
    if (schema.isMissingNode())
      return List.of(method + " " + pathTemplate + " " + status + " documents no " + mediaType + " body");
    ObjectNode root = document.deepCopy();
    root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
    root.setAll((ObjectNode) schema); // other top-level members of the document are no schema keywords
    Schema compiled = SCHEMAS.getSchema(root.toString(), InputFormat.JSON);
    return compiled.validate(body, InputFormat.JSON).stream().map(DocumentedResponses::describe).toList();
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (!ref.startsWith("#/")) return node;
    return resolve(document.at(ref.substring(1)));
  }

  private static void closeObject(JsonNode schema) {
    if (schema instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties"))
      object.put("additionalProperties", false);
  }

  private static String describe(Error error) {
    return error.getInstanceLocation() + ": " + error.getMessage();
  }

  static String joined(List<String> violations) {
    return violations.stream().collect(Collectors.joining("\n"));
  }
}
