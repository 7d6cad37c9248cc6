package dev.ltb.provider.cohere;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ltb.provider.cohere.CohereChatProviderTest.KEY;
import static dev.ltb.provider.cohere.CohereChatProviderTest.context;
import static dev.ltb.provider.cohere.CohereChatProviderTest.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.TokenUsage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CohereEmbeddingProviderTest {

  @RegisterExtension
  static WireMockExtension cohere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final CohereProviderFactory factory = new CohereProviderFactory();

  @Test
  void embedsOneTextAsFloats() {
    cohere.stubFor(post("/v2/embed").willReturn(ProviderFixtures.load("cohere-embed-v2").response()));

    Embedding embedding =
        factory
            .createEmbedding(
                spec("cohere:embed:embed-v4.0", "{\"apiBaseUrl\": \"" + cohere.baseUrl() + "\", \"truncate\": \"end\"}"),
                context(Map.of("CO_API_KEY", KEY)))
            .embed("hello");

    assertThat(embedding.vector()).containsExactly(0.016296387f, -0.008354187f, -0.04699707f, -0.07104492f);
    assertThat(embedding.usage()).isEqualTo(new TokenUsage(1, 0));
    cohere.verify(
        postRequestedFor(urlPathEqualTo("/v2/embed"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withRequestBody(
                equalToJson(
                    "{\"model\": \"embed-v4.0\", \"texts\": [\"hello\"], \"input_type\": \"classification\","
                        + " \"embedding_types\": [\"float\"], \"truncate\": \"END\"}")));
  }

  @Test
  void aWrongInputTypeFailsBeforeAnythingIsCalled() {
    assertThatThrownBy(
            () -> factory.createEmbedding(
                spec("cohere:embed:embed-v4.0", "{\"input_type\": \"question\"}"), context(Map.of("CO_API_KEY", KEY))))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(
            "provider cohere:embed:embed-v4.0: config input_type must be one of classification, clustering, image,"
                + " search_document, search_query");
    assertThatThrownBy(() -> factory.createEmbedding(spec("cohere:command-r", "{}"), context(Map.of("CO_API_KEY", KEY))))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessageStartingWith("provider cohere:command-r makes no embeddings;");
  }
}
