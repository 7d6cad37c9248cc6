package dev.ltb.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.json.Json;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.ProviderSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiEmbeddingProviderTest {

  @RegisterExtension
  static WireMockExtension google =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "team-key-5b0e2d7a4c9f1863";
  private static final String PATH = "/v1beta/models/gemini-embedding-001:embedContent";
  private static final String ID = "gemini:embed:gemini-embedding-001";

  @Test
  void embedsATextAndSendsTheDocumentedRequest() {
    stub(json("{\"embedding\": {\"values\": [0.013168523, -0.008711934, -0.046782676]}}"));

    Embedding embedding =
        provider(ID, "taskType: SEMANTIC_SIMILARITY\noutputDimensionality: 3")
            .embed("What is the meaning of life?");

    assertThat(embedding)
        .isEqualTo(new Embedding(new float[] {0.013168523f, -0.008711934f, -0.046782676f}, TokenUsage.NONE));
    assertThat(embedding.dimensions()).isEqualTo(3);
    google.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("x-goog-api-key", equalTo(KEY))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "models/gemini-embedding-001",
                     "content": {"parts": [{"text": "What is the meaning of life?"}]},
                     "taskType": "SEMANTIC_SIMILARITY", "outputDimensionality": 3}
                    """)));
  }

  @Test
  void mapsErrorsAndKeepsTheKeyOutOfThem() {
    ObjectNode body = (ObjectNode) ProviderFixtures.load("gemini-error-429-resource-exhausted").bodyJson();
    ((ObjectNode) body.get("error")).put("message", "Quota exceeded for key " + KEY);
    stub(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody(body.toString()));

    assertThatThrownBy(() -> provider(ID, "{}").embed("hi"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderErrorKind.RATE_LIMITED);
              assertThat(e.getMessage())
                  .isEqualTo(ID + ": HTTP 429 rate limited: RESOURCE_EXHAUSTED: Quota exceeded for key [REDACTED]");
            });
  }

  @Test
  void anAnswerWithoutValuesIsMalformed() {
    stub(json("{\"embedding\": {}}"));

    assertThatThrownBy(() -> provider(ID, "{}").embed("hi"))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage(ID + ": the answer has no embedding values");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          gemini:gemini-embedding-001 | apiKey: k             | provider gemini:gemini-embedding-001: write the id as gemini:embed:<model>
          gemini:embed:               | apiKey: k             | provider gemini:embed:: write the id as gemini:embed:<model>, e.g. gemini:embed:gemini-embedding-001
          gemini:embed:gemini-embedding-001 | 'apiKey: k\\ntemperature: 0' | provider gemini:embed:gemini-embedding-001: unknown config key(s) temperature; known keys: apiKey, apiKeyEnvar, apiBaseUrl, headers, timeoutMs, taskType, outputDimensionality
          """)
  void explainsABadSetup(String id, String yaml, String message) {
    ProviderSpec spec = ProviderSpec.of(id, yaml(yaml.replace("\\n", "\n")));

    assertThatThrownBy(() -> new GeminiEmbeddingProvider.Factory().create(spec, context()))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  @Test
  void buildsGoogleIdsToo() {
    ProviderSpec spec = ProviderSpec.of("google:embed:models/text-embedding-004", yaml("apiKey: k"));

    GeminiEmbeddingProvider provider = new GeminiEmbeddingProvider.Factory().create(spec, context());

    assertThat(provider.model()).isEqualTo("text-embedding-004");
    assertThat(provider.id()).isEqualTo("google:embed:models/text-embedding-004");
  }

  private static void stub(ResponseDefinitionBuilder answer) {
    google.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static GeminiEmbeddingProvider provider(String id, String yaml) {
    ObjectNode config = ((ObjectNode) yaml(yaml)).put("apiBaseUrl", google.baseUrl());
    return new GeminiEmbeddingProvider.Factory().create(ProviderSpec.of(id, config), context());
  }

  private static ProviderContext context() {
    return new ProviderContext(
        ProviderContext.defaultHttpClient(), SecretResolver.of(Map.of("GEMINI_API_KEY", KEY)), Path.of("."));
  }

  private static JsonNode yaml(String yaml) {
    try {
      JsonNode node = Json.yaml().readTree(yaml);
      return node == null || node.isNull() || node.isMissingNode() ? Json.mapper().createObjectNode() : node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
