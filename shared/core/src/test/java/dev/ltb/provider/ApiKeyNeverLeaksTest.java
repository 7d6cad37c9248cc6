package dev.ltb.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.json.Json;
import dev.ltb.suite.ProviderSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every HTTP provider registered in {@link BuiltInProviders}, answered with a 401 and a 500 that echo the API
 * key back (as misbehaving gateways do): the key must show neither in the exceptions (whole cause chain) nor
 * in any log line (provider logging is at DEBUG in tests). A family added to the registry is covered
 * automatically, its id made from its descriptor's id format; list other ids of a family in {@link #IDS}.
 */
class ApiKeyNeverLeaksTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  // Shaped like no known vendor key, so only each provider's own redaction can hide it.
  private static final String KEY = "vendor-key-9e3b7c1a5d2f4086";

  /** Providers that make no HTTP call. */
  private static final Set<String> OFFLINE = Set.of("echo", "scripted");

  /** Ids to exercise per prefix when its id format alone does not reach every API of the family. */
  private static final Map<String, List<String>> IDS =
      Map.of(
          "openai", List.of("openai:chat:gpt-4o-mini", "openai:responses:gpt-4o-mini"),
          "http", List.of("http:gateway"),
          "https", List.of("https:gateway"));

  /** Embedding models, built with {@link ProviderRegistry#createEmbedding}. */
  private static final List<String> EMBEDDING_IDS = List.of("openai:embedding:text-embedding-3-small");

  private static final List<ResponseDefinitionBuilder> ANSWERS_ECHOING_THE_KEY =
      List.of(
          aResponse()
              .withStatus(401)
              .withHeader("Content-Type", "application/json")
              .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"code\":\"invalid_api_key\"}}"),
          aResponse()
              .withStatus(500)
              .withHeader("Content-Type", "text/html")
              .withBody("<html>upstream rejected Authorization: Bearer " + KEY + " and api-key " + KEY + "</html>"));

  private final ProviderRegistry registry = BuiltInProviders.registry();

  @Test
  void noHttpProviderShowsTheKeyInAnErrorOrALogLine() {
    Map<String, Integer> requestsPerId = new LinkedHashMap<>();
    List<String> messages = new ArrayList<>();
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      for (ResponseDefinitionBuilder answer : ANSWERS_ECHOING_THE_KEY) {
        server.resetAll();
        server.stubFor(any(anyUrl()).willReturn(answer));
        for (ProviderDescriptor descriptor : registry.descriptors()) {
          if (OFFLINE.contains(descriptor.prefix())) continue;
          for (String id : IDS.getOrDefault(descriptor.prefix(), List.of(idFrom(descriptor)))) {
            for (ObjectNode config : configs(descriptor)) {
              int before = server.getAllServeEvents().size();
              messages.addAll(failureMessages(() -> registry.create(ProviderSpec.of(id, config), context())
                  .complete(ProviderRequest.ofText("Hi"))));
              requestsPerId.merge(id, server.getAllServeEvents().size() - before, Integer::sum);
            }
          }
        }
        for (String id : EMBEDDING_IDS) {
          int before = server.getAllServeEvents().size();
          messages.addAll(failureMessages(
              () -> registry.createEmbedding(ProviderSpec.of(id, configs(null).getFirst()), context()).embed("Hi")));
          requestsPerId.merge(id, server.getAllServeEvents().size() - before, Integer::sum);
        }
      }
    } finally {
      System.setErr(originalErr);
    }

    assertThat(requestsPerId)
        .containsKeys(
            "openai:chat:gpt-4o-mini", "openai:responses:gpt-4o-mini", "openai:embedding:text-embedding-3-small",
            "azure:chat:test-model", "groq:chat:test-model", "openai-compatible:chat:test-model");
    assertThat(requestsPerId).as("every provider reached the fake server").allSatisfy(
        (id, requests) -> assertThat(requests).as(id).isPositive());
    assertThat(messages).noneMatch(message -> message.contains(KEY));
    assertThat(messages).anyMatch(message -> message.contains("[REDACTED]"));
    String logText = log.toString(StandardCharsets.UTF_8);
    assertThat(logText).as("debug logging was on").contains("POST ");
    assertThat(logText).doesNotContain(KEY);
  }

  /** Every message of the failure's cause chain; fails the test when the call did not fail as a provider error. */
  private static List<String> failureMessages(Runnable call) {
    try {
      call.run();
    } catch (ProviderException e) {
      List<String> messages = new ArrayList<>();
      for (Throwable t = e; t != null; t = t.getCause()) messages.add(String.valueOf(t.getMessage()));
      return messages;
    }
    return fail("expected a provider error");
  }

  /** The config pointing at the fake server, and a streaming variant where the family streams. */
  private static List<ObjectNode> configs(ProviderDescriptor descriptor) {
    if (descriptor != null && descriptor.configKeys().contains("url")) {
      // The generic HTTP provider takes a whole URL and sends the key where its headers template says.
      ObjectNode generic = Json.mapper().createObjectNode().put("url", server.baseUrl() + "/v1/generate").put("apiKey", KEY);
      generic.putObject("headers").put("Authorization", "Bearer {{apiKey}}");
      generic.putObject("body").put("prompt", "{{prompt}}");
      generic.put("output", "$.text");
      return List.of(generic);
    }
    ObjectNode plain = Json.mapper().createObjectNode().put("apiBaseUrl", server.baseUrl() + "/v1").put("apiKey", KEY);
    if (descriptor == null || !descriptor.configKeys().contains("stream")) return List.of(plain);
    return List.of(plain, plain.deepCopy().put("stream", true));
  }

  private static String idFrom(ProviderDescriptor descriptor) {
    return descriptor.idFormat().replaceAll("<[^>]+>", "test-model").replaceAll("\\[|]", "");
  }

  /** Every variable that looks like a credential holds the key; nothing else is set. */
  private static ProviderContext context() {
    SecretResolver secrets =
        name -> name.contains("KEY") || name.contains("TOKEN") ? Optional.of(KEY) : Optional.empty();
    return new ProviderContext(ProviderContext.defaultHttpClient(), secrets, Path.of("."));
  }
}
