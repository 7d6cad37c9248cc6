package dev.ltb.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiEmbeddingProviderTest {

  @RegisterExtension
  static WireMockExtension openai = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "team-key-4f9c2b7e1d6a8035";
  private static final String PATH = "/v1/embeddings";

  @Test
  void embedsTextAndSendsTheDocumentedRequest() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("openai-embeddings");
    stub(fixture.response());

    Embedding embedding =
        provider("openai:embedding:text-embedding-ada-002", "{}").embed("The food was delicious and the waiter...");

    assertThat(embedding.vector()).containsExactly(0.0023064255f, -0.009327292f, -0.0028842222f);
    assertThat(embedding.usage()).isEqualTo(new TokenUsage(8, 0));
    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withRequestBody(equalToJson(fixture.request().path("body").toString())));
  }

  @Test
  void sendsDimensionsAndPassthroughFields() {
    stub(ProviderFixtures.load("openai-embeddings").response());

    provider("openai:embeddings:text-embedding-3-small", "{dimensions: 256, passthrough: {user: bench}}").embed("Hi");

    openai.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    "{\"input\": \"Hi\", \"model\": \"text-embedding-3-small\", \"encoding_format\": \"float\","
                        + " \"dimensions\": 256, \"user\": \"bench\"}")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          400 | none | INVALID_REQUEST | -1   | openai:embedding:text-embedding-3-small: HTTP 400 invalid request: invalid_request_error: This model's maximum context length is 8192 tokens.
          401 | none | AUTHENTICATION  | -1   | openai:embedding:text-embedding-3-small: HTTP 401 authentication failed (check the API key): invalid_api_key: Incorrect API key provided.
          429 | 2    | RATE_LIMITED    | 2000 | openai:embedding:text-embedding-3-small: HTTP 429 rate limited: rate_limit_exceeded: Rate limit reached.
          500 | none | SERVER_ERROR    | -1   | openai:embedding:text-embedding-3-small: HTTP 500 server error: server_error: The server had an error.
          """)
  void mapsErrorAnswers(int status, String retryAfter, ProviderErrorKind kind, long waitMillis, String message) {
    String body =
        switch (status) {
          case 400 -> "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens.\",\"type\":"
              + "\"invalid_request_error\",\"param\":null,\"code\":null}}";
          case 401 -> "{\"error\":{\"message\":\"Incorrect API key provided.\",\"code\":\"invalid_api_key\"}}";
          case 429 -> "{\"error\":{\"message\":\"Rate limit reached.\",\"code\":\"rate_limit_exceeded\"}}";
          default -> "{\"error\":{\"message\":\"The server had an error.\",\"type\":\"server_error\"}}";
        };
    ResponseDefinitionBuilder answer =
        aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    if (retryAfter != null) answer.withHeader("Retry-After", retryAfter);
    stub(answer);

    assertThatThrownBy(() -> provider("openai:embedding:text-embedding-3-small", "{}").embed("Hi"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.retryAfter().map(Duration::toMillis).orElse(-1L)).isEqualTo(waitMillis);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @Test
  void anAnswerWithoutAVectorIsMalformed() {
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"data\": []}"));

    assertThatThrownBy(() -> provider("openai:embedding:text-embedding-3-small", "{}").embed("Hi"))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage("openai:embedding:text-embedding-3-small: the answer has no embedding");
  }

  @Test
  void theRegistryBuildsEmbeddingModelsFromTheirIds() {
    EmbeddingProvider embeddings =
        BuiltInProviders.registry()
            .createEmbedding(ProviderSpec.of("openai:embedding:text-embedding-3-small"), context());

    assertThat(embeddings.id()).isEqualTo("openai:embedding:text-embedding-3-small");
    assertThat(((OpenAiEmbeddingProvider) embeddings).model()).isEqualTo("text-embedding-3-small");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          openai:chat:gpt-4o-mini                  | embedding | provider openai:chat:gpt-4o-mini: not an embedding model; write openai:embedding:<model>, e.g. openai:embedding:text-embedding-3-small
          openai:embedding:                        | embedding | provider openai:embedding:: no model; write the id as openai:embedding:<model>, e.g. openai:embedding:text-embedding-3-small
          openai:embedding:text-embedding-3-small  | prompts   | provider openai:embedding:text-embedding-3-small: an embedding model cannot answer prompts; use it as the embedding provider of a similarity assertion, and a chat model (openai:chat:<model>) here
          echo                                     | embedding | provider echo: echo providers have no embedding API
          """)
  void explainsAnIdUsedForTheWrongPurpose(String id, String use, String message) {
    ProviderSpec spec = ProviderSpec.of(id);

    assertThatThrownBy(
            () -> {
              if (use.equals("embedding")) BuiltInProviders.registry().createEmbedding(spec, context());
              else BuiltInProviders.registry().create(spec, context());
            })
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  private static void stub(ResponseDefinitionBuilder answer) {
    openai.stubFor(post(PATH).willReturn(answer));
  }

  private static EmbeddingProvider provider(String id, String yaml) {
    ObjectNode config =
        ((ObjectNode) OpenAiResponsesProviderTest.yaml(yaml)).put("apiBaseUrl", openai.baseUrl() + "/v1");
    return BuiltInProviders.registry().createEmbedding(ProviderSpec.of(id, config), context());
  }

  private static ProviderContext context() {
    return new ProviderContext(
        ProviderContext.defaultHttpClient(), SecretResolver.of(Map.of("OPENAI_API_KEY", KEY)), Path.of("."));
  }
}
