package dev.ltb.provider.mistral;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ltb.provider.mistral.MistralChatProviderTest.KEY;
import static dev.ltb.provider.mistral.MistralChatProviderTest.context;
import static dev.ltb.provider.mistral.MistralChatProviderTest.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.TokenUsage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MistralEmbeddingProviderTest {

  @RegisterExtension
  static WireMockExtension mistral = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MistralProviderFactory factory = new MistralProviderFactory();

  @Test
  void embedsOneTextWithTheFirstVectorOfTheAnswer() {
    mistral.stubFor(post("/v1/embeddings").willReturn(ProviderFixtures.load("mistral-embeddings").response()));

    Embedding embedding =
        factory
            .createEmbedding(
                spec("mistral:embed:mistral-embed", "{\"apiBaseUrl\": \"" + mistral.baseUrl() + "\", \"output_dimension\": 5}"),
                context(Map.of("MISTRAL_API_KEY", KEY)))
            .embed("Embed this sentence.");

    assertThat(embedding.vector()).containsExactly(-0.016632080078125f, 0.0701904296875f, 0.03143310546875f,
        0.01309967041015625f, 0.0202789306640625f);
    assertThat(embedding.usage()).isEqualTo(new TokenUsage(15, 0));
    mistral.verify(
        postRequestedFor(urlPathEqualTo("/v1/embeddings"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withRequestBody(
                equalToJson("{\"model\": \"mistral-embed\", \"input\": \"Embed this sentence.\", \"output_dimension\": 5}")));
  }

  @Test
  void errorsAreMappedAndTheKeyRedacted() {
    mistral.stubFor(post("/v1/embeddings").willReturn(ProviderFixtures.load("mistral-error-429").response()));

    assertThatThrownBy(
            () -> factory
                .createEmbedding(
                    spec("mistral:embedding:mistral-embed", "{\"apiBaseUrl\": \"" + mistral.baseUrl() + "\"}"),
                    context(Map.of("MISTRAL_API_KEY", KEY)))
                .embed("x"))
        .isInstanceOf(ProviderException.RateLimited.class)
        .hasMessage("mistral:embedding:mistral-embed: HTTP 429 rate limited: 1300: Rate limit exceeded");
  }

  @Test
  void idsSayWhichApi() {
    assertThat(MistralProviderFactory.apiAndModel("mistral:mistral-small-latest")).containsExactly("chat", "mistral-small-latest");
    assertThat(MistralProviderFactory.apiAndModel("mistral:chat:codestral-latest")).containsExactly("chat", "codestral-latest");
    assertThat(MistralProviderFactory.apiAndModel("mistral:embed:mistral-embed")).containsExactly("embed", "mistral-embed");
    assertThatThrownBy(() -> factory.create(spec("mistral:embed:mistral-embed", "{}"), context(Map.of("MISTRAL_API_KEY", KEY))))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessageStartingWith("provider mistral:embed:mistral-embed is an embedding model;");
    assertThatThrownBy(() -> factory.create(spec("mistral:", "{}"), context(Map.of("MISTRAL_API_KEY", KEY))))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider mistral:: no model; write the id as mistral:<model>, e.g. mistral:mistral-small-latest");
  }
}
