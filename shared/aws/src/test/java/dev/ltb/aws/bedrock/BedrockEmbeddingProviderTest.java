package dev.ltb.aws.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BedrockEmbeddingProviderTest {

  @RegisterExtension
  static WireMockExtension bedrock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TEXT = "The capital of France is Paris.";

  @Test
  void embedsWithTitanV2AndReadsTheTokenCountFromTheBody() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("bedrock-invoke-titan-embed-v2");
    bedrock.stubFor(post(urlPathEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke")).willReturn(fixture.response()));
    EmbeddingProvider provider =
        (EmbeddingProvider) BedrockTestKit.provider(
            bedrock, "bedrock:embed:amazon.titan-embed-text-v2:0", "{\"dimensions\": 256, \"normalize\": true}");

    Embedding embedding = provider.embed(TEXT);

    assertThat(embedding).isEqualTo(new Embedding(new float[] {0.0212f, -0.0347f, 0.0891f, 0.0115f}, new TokenUsage(8, 0)));
    bedrock.verify(
        postRequestedFor(urlPathEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(equalToJson(fixture.request().path("body").toString())));
  }

  @Test
  void embedsWithCohereAndReadsTheTokenCountFromTheHeader() {
    ProviderFixtures.Fixture fixture = ProviderFixtures.load("bedrock-invoke-cohere-embed-v3");
    bedrock.stubFor(post(urlPathEqualTo("/model/cohere.embed-english-v3/invoke")).willReturn(fixture.response()));
    EmbeddingProvider provider =
        (EmbeddingProvider) BedrockTestKit.provider(bedrock, "bedrock:embed:cohere.embed-english-v3", "{}");

    Embedding embedding = provider.embed(TEXT);

    assertThat(embedding).isEqualTo(new Embedding(new float[] {0.0158f, 0.0412f, -0.0233f, 0.0071f}, new TokenUsage(9, 0)));
    bedrock.verify(
        postRequestedFor(urlPathEqualTo("/model/cohere.embed-english-v3/invoke"))
            .withRequestBody(equalToJson(fixture.request().path("body").toString())));
  }

  @Test
  void readsCohereEmbeddingsByType() {
    bedrock.stubFor(post(urlPathEqualTo("/model/cohere.embed-multilingual-v3/invoke"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"embeddings\": {\"float\": [[0.5, -0.25]]}, \"id\": \"x\", \"response_type\": \"embeddings_by_type\", \"texts\": [\"hi\"]}")));
    EmbeddingProvider provider =
        (EmbeddingProvider) BedrockTestKit.provider(
            bedrock, "bedrock:embeddings:cohere.embed-multilingual-v3", "{\"inputType\": \"clustering\", \"truncate\": \"END\"}");

    assertThat(provider.embed("hi").vector()).containsExactly(0.5f, -0.25f);
    bedrock.verify(
        postRequestedFor(urlPathEqualTo("/model/cohere.embed-multilingual-v3/invoke"))
            .withRequestBody(equalToJson("{\"texts\": [\"hi\"], \"input_type\": \"clustering\", \"truncate\": \"END\"}")));
  }

  @Test
  void asAProviderItAnswersWithTheVectorAndItsCost() {
    bedrock.stubFor(post(urlPathEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke"))
        .willReturn(ProviderFixtures.load("bedrock-invoke-titan-embed-v2").response()));

    ProviderResponse response =
        BedrockTestKit.provider(bedrock, "bedrock:embed:amazon.titan-embed-text-v2:0", "{}").complete(ProviderRequest.ofText(TEXT));

    assertThat(response.output()).isEqualTo("[0.0212,-0.0347,0.0891,0.0115]");
    assertThat(response.usage()).isEqualTo(new TokenUsage(8, 0));
    assertThat(response.costUsd()).isEqualTo(8 * 0.02 / 1_000_000d);
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void mapsErrorsAndMalformedBodies() {
    bedrock.stubFor(post(urlPathEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke"))
        .willReturn(aResponse()
            .withStatus(429)
            .withHeader("Content-Type", "application/json")
            .withHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/")
            .withBody("{\"message\": \"Too many requests, please wait before trying again.\"}")));
    bedrock.stubFor(post(urlPathEqualTo("/model/amazon.titan-embed-text-v1/invoke"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"inputTextTokenCount\": 3}")));

    EmbeddingProvider throttled = (EmbeddingProvider) BedrockTestKit.provider(bedrock, "bedrock:embed:amazon.titan-embed-text-v2:0", "{}");
    EmbeddingProvider empty = (EmbeddingProvider) BedrockTestKit.provider(bedrock, "bedrock:embed:amazon.titan-embed-text-v1", "{}");

    assertThatThrownBy(() -> throttled.embed("hi"))
        .isInstanceOf(ProviderException.RateLimited.class)
        .hasMessage("bedrock:embed:amazon.titan-embed-text-v2:0: HTTP 429 ThrottlingException: Too many requests, please wait before trying again.");
    assertThatThrownBy(() -> empty.embed("hi"))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage("bedrock:embed:amazon.titan-embed-text-v1: the answer has no embedding vector");
  }
}
