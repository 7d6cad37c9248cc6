package dev.ltb.provider.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ltb.provider.ollama.OllamaChatProviderTest.context;
import static dev.ltb.provider.ollama.OllamaChatProviderTest.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.TokenUsage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OllamaEmbeddingProviderTest {

  @RegisterExtension
  static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void embedsOneTextAndReportsItsTokens() {
    ollama.stubFor(post("/api/embed").willReturn(ProviderFixtures.load("ollama-embed").response()));

    Embedding embedding = provider("\"dimensions\": 10, \"truncate\": false").embed("Why is the sky blue?");

    assertThat(embedding.dimensions()).isEqualTo(10);
    assertThat(embedding.vector()[0]).isEqualTo(0.010071029f);
    assertThat(embedding.vector()[9]).isEqualTo(0.031952348f);
    assertThat(embedding.usage()).isEqualTo(new TokenUsage(8, 0));
    ollama.verify(
        postRequestedFor(urlPathEqualTo("/api/embed"))
            .withRequestBody(
                equalToJson(
                    "{\"model\": \"all-minilm\", \"input\": \"Why is the sky blue?\", \"dimensions\": 10,"
                        + " \"truncate\": false}")));
  }

  @Test
  void anAnswerWithoutVectorsIsMalformed() {
    ollama.stubFor(post("/api/embed").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"model\": \"all-minilm\", \"embeddings\": []}")));

    assertThatThrownBy(() -> provider("\"truncate\": true").embed("x"))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage("ollama:embed:all-minilm: the answer has no embedding");
  }

  @Test
  void aMissingModelIsAnInvalidRequest() {
    ollama.stubFor(
        post("/api/embed").willReturn(aResponse().withStatus(404).withBody("{\"error\": \"model \\\"all-minilm\\\" not found, try pulling it first\"}")));

    assertThatThrownBy(() -> provider("\"truncate\": true").embed("x"))
        .isInstanceOf(ProviderException.InvalidRequest.class)
        .hasMessage(
            "ollama:embed:all-minilm: HTTP 404 not found (check the model name and apiBaseUrl): model \"all-minilm\" not"
                + " found, try pulling it first");
  }

  private static EmbeddingProvider provider(String config) {
    String json = "{\"apiBaseUrl\": \"" + ollama.baseUrl() + "\", " + config + "}";
    return new OllamaProviderFactory().createEmbedding(spec("ollama:embed:all-minilm", json), context(Map.of()));
  }
}
