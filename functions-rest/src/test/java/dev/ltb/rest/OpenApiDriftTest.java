package dev.ltb.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document ({@code docs/api/openapi.yaml}) must be the one the code generates
 * ({@code target/openapi/openapi.yaml}, written when the app is built for the tests), and that document must describe
 * what goes over the wire: no operation without a typed success answer, no request body without a schema.
 */
@QuarkusTest
class OpenApiDriftTest {

  static final Path COMMITTED = Path.of("../docs/api/openapi.yaml");
  static final Path GENERATED = Path.of("target/openapi/openapi.yaml");
  static final String HOW =
      "regenerate it: LTB_UPDATE_OPENAPI=true ./mvnw -o -pl functions-rest -am -Dtest=OpenApiDriftTest "
          + "-Dsurefire.failIfNoSpecifiedTests=false test";

  @Test
  void theCommittedDocumentIsTheGeneratedOne() throws IOException {
    String generated = Files.readString(GENERATED);
    assertThat(generated).contains("openapi: 3.1.0").contains("/runs/{runId}/results");
    if ("true".equals(System.getenv("LTB_UPDATE_OPENAPI"))) Files.writeString(COMMITTED, generated);
    assertThat(Files.exists(COMMITTED)).as("docs/api/openapi.yaml is missing; " + HOW).isTrue();
    assertThat(Files.readString(COMMITTED)).as("docs/api/openapi.yaml differs from the code; " + HOW)
        .isEqualTo(generated);
  }

  @Test
  void everyOperationDocumentsTypedBodiesAndItsProblems() {
    List<String> gaps = new ArrayList<>();
    DocumentedResponses document = DocumentedResponses.read(GENERATED);
    for (Map.Entry<String, JsonNode> path : document.document().path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        String operation = method.getKey().toUpperCase() + " " + path.getKey();
        JsonNode responses = method.getValue().path("responses");
        if (method.getValue().path("summary").asText().isBlank()) gaps.add(operation + ": no summary");
        List<String> success = responses.propertyStream().map(Map.Entry::getKey).filter(c -> c.startsWith("2")).toList();
        if (success.isEmpty()) gaps.add(operation + ": no 2xx answer");
        for (String code : success) {
          JsonNode content = document.response(method.getKey(), path.getKey(), Integer.parseInt(code)).path("content");
          if (!code.equals("204") && content.isEmpty()) gaps.add(operation + " " + code + ": no body schema");
          content.properties().forEach(media -> {
            if (media.getValue().path("schema").isEmpty()) gaps.add(operation + " " + code + " " + media.getKey() + ": empty schema");
          });
        }
        method.getValue().path("requestBody").path("content").properties().forEach(media -> {
          JsonNode schema = media.getValue().path("schema");
          if (schema.isEmpty() || "binary".equals(schema.path("format").asText()))
            gaps.add(operation + " request " + media.getKey() + ": no schema");
        });
        if (!path.getKey().equals(ProblemTypesFilter.PUBLIC_PATH) && !responses.has("401"))
          gaps.add(operation + ": no 401 problem");
        method.getValue().path("parameters").forEach(parameter -> {
          if (!parameter.has("$ref") && parameter.path("description").asText().isBlank())
            gaps.add(operation + " parameter " + parameter.path("name").asText() + ": no description");
        });
      }
    }
    assertThat(gaps).as("the OpenAPI document must describe every body; annotate the resource").isEmpty();
  }
}
