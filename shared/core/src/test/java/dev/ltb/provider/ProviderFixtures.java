package dev.ltb.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test kit: loads the vendor fixtures copied into {@code src/test/resources/fixtures/providers} (see the
 * README there) and turns them into WireMock responses, so provider tests stub exactly what the vendor sends.
 */
public final class ProviderFixtures {

  private static final String DIRECTORY = "/fixtures/providers/";

  private ProviderFixtures() {}

  /**
   * A fixture by name without extension: {@code openai-chat-completions} reads {@code NAME.json}; a stream
   * such as {@code openai-chat-completions-stream} reads {@code NAME.request.json} and the body file it names.
   */
  public static Fixture load(String name) {
    boolean stream = exists(name + ".request.json");
    JsonNode root = json(stream ? name + ".request.json" : name + ".json");
    JsonNode response = root.path("response");
    String body =
        stream ? text(response.path("body_file").asText()) : bodyText(response.path("body"));
    Map<String, String> headers = new LinkedHashMap<>();
    response.path("headers").properties().forEach(field -> headers.put(field.getKey(), field.getValue().asText()));
    int status = response.path("status").asInt(200);
    return new Fixture(name, root.path("request"), status, response.path("content_type").asText(), headers, body);
  }

  /** A fixture file's exact text. */
  public static String text(String fileName) {
    try (InputStream in = open(fileName)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static InputStream open(String fileName) {
    InputStream in = ProviderFixtures.class.getResourceAsStream(DIRECTORY + fileName);
    if (in == null) throw new IllegalArgumentException("no fixture " + fileName + " in src/test/resources" + DIRECTORY);
    return in;
  }

  private static boolean exists(String fileName) {
    return ProviderFixtures.class.getResource(DIRECTORY + fileName) != null;
  }

  private static JsonNode json(String fileName) {
    try {
      return Json.mapper().readTree(text(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String bodyText(JsonNode body) {
    return body.isTextual() ? body.asText() : body.toString();
  }

  /**
   * One recorded exchange.
   *
   * @param request the documented request (may be a NullNode)
   * @param body the response body exactly as the vendor sends it
   */
  public record Fixture(
      String name, JsonNode request, int status, String contentType, Map<String, String> headers, String body) {

    /** The vendor's answer as a WireMock response. */
    public ResponseDefinitionBuilder response() {
      ResponseDefinitionBuilder builder =
          aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body);
      headers.forEach(builder::withHeader);
      return builder;
    }

    public JsonNode bodyJson() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
