package dev.ltb.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document ({@code docs/api/openapi.yaml}) must be the one the code generates
 * ({@code target/openapi/openapi.yaml}, written when the app is built for the tests).
 */
@QuarkusTest
class OpenApiDriftTest {

  static final Path COMMITTED = Path.of("../docs/api/openapi.yaml");
  static final Path GENERATED = Path.of("target/openapi/openapi.yaml");
  static final String HOW =
      "regenerate it: LTB_UPDATE_OPENAPI=true ./mvnw -o -pl functions-rest -Dtest=OpenApiDriftTest test";

  @Test
  void theCommittedDocumentIsTheGeneratedOne() throws IOException {
    String generated = Files.readString(GENERATED);
    assertThat(generated).contains("openapi: 3.1.0").contains("/runs/{runId}/results");
    if ("true".equals(System.getenv("LTB_UPDATE_OPENAPI"))) Files.writeString(COMMITTED, generated);
    assertThat(Files.exists(COMMITTED)).as("docs/api/openapi.yaml is missing; " + HOW).isTrue();
    assertThat(Files.readString(COMMITTED)).as("docs/api/openapi.yaml differs from the code; " + HOW)
        .isEqualTo(generated);
  }
}
