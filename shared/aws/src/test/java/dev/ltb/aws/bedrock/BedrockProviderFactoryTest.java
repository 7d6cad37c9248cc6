package dev.ltb.aws.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.ProviderRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class BedrockProviderFactoryTest {

  @RegisterExtension
  static WireMockExtension bedrock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final BedrockProviderFactory factory = new BedrockProviderFactory(BedrockTestKit.fakeEndpoint(URI.create("http://127.0.0.1:9")));
  private final ProviderContext context = ProviderContext.defaults(Path.of("."));

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "bedrock:anthropic.claude-3-haiku-20240307-v1:0, BedrockConverseProvider",
    "bedrock:converse:amazon.nova-micro-v1:0,        BedrockConverseProvider",
    "bedrock:us.anthropic.claude-3-5-haiku-20241022-v1:0, BedrockConverseProvider",
    "bedrock:embed:amazon.titan-embed-text-v2:0,     BedrockEmbeddingProvider",
    "bedrock:embeddings:cohere.embed-english-v3,     BedrockEmbeddingProvider"
  })
  void buildsAProviderPerApi(String id, String type) {
    Provider provider = factory.create(BedrockTestKit.spec(id, "{}"), context);

    assertThat(provider.getClass().getSimpleName()).isEqualTo(type);
    assertThat(provider.id()).isEqualTo(id);
  }

  @Test
  void registersUnderTheBedrockPrefix() {
    ProviderRegistry registry = new ProviderRegistry(List.of(factory));

    assertThat(registry.supports("bedrock:amazon.nova-lite-v1:0")).isTrue();
    assertThat(registry.descriptors()).containsExactly(BedrockProviderFactory.DESCRIPTOR);
    assertThat(BedrockProviderFactory.DESCRIPTOR.configKeys())
        .contains("region", "profile", "stream", "maxTokens", "tools", "guardrailIdentifier", "dimensions", "inputType", "cost");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          bedrock:                                   | {}                                    | provider bedrock:: give the Bedrock model id, e.g. bedrock:anthropic.claude-3-haiku-20240307-v1:0 or bedrock:embed:amazon.titan-embed-text-v2:0
          bedrock:amazon.nova-micro-v1:0             | {"temprature": 0.2}                   | provider bedrock:amazon.nova-micro-v1:0: unknown config key(s) temprature; known keys: region, profile, timeoutMs, stream, maxTokens, max_tokens, temperature, topP, top_p, stopSequences, stop, tools, toolChoice, tool_choice, additionalModelRequestFields, jsonSchema, guardrailIdentifier, guardrailVersion, guardrailTrace, cost, inputCost, outputCost
          bedrock:amazon.nova-micro-v1:0             | {"temperature": 1.5}                  | provider bedrock:amazon.nova-micro-v1:0: config temperature must be between 0.0 and 1.0, was 1.5
          bedrock:amazon.nova-micro-v1:0             | {"maxTokens": 10, "max_tokens": 10}   | provider bedrock:amazon.nova-micro-v1:0: config has both maxTokens and max_tokens; keep one
          bedrock:amazon.nova-micro-v1:0             | {"toolChoice": "any"}                 | provider bedrock:amazon.nova-micro-v1:0: config toolChoice needs tools: there is no tool to choose
          bedrock:amazon.nova-micro-v1:0             | {"guardrailIdentifier": "gr-1"}       | provider bedrock:amazon.nova-micro-v1:0: config guardrailVersion is required with a guardrail (e.g. "1" or "DRAFT")
          bedrock:embed:amazon.titan-embed-text-v1   | {"dimensions": 256}                   | provider bedrock:embed:amazon.titan-embed-text-v1: config dimensions is not supported by amazon.titan-embed-text-v1 (Titan v2 has it)
          bedrock:embed:cohere.embed-english-v3      | {"normalize": true}                   | provider bedrock:embed:cohere.embed-english-v3: config normalize is for Titan embedding models, not cohere.embed-english-v3
          bedrock:embed:amazon.nova-micro-v1:0       | {}                                    | provider bedrock:embed:amazon.nova-micro-v1:0: bedrock:embed supports Amazon Titan text embeddings (amazon.titan-embed-text-v2:0) and Cohere Embed (cohere.embed-english-v3); amazon.nova-micro-v1:0 is neither
          bedrock:embed:amazon.titan-embed-text-v2:0 | {"stream": true}                      | provider bedrock:embed:amazon.titan-embed-text-v2:0: unknown config key(s) stream; known keys: region, profile, timeoutMs, dimensions, normalize, inputType, truncate, cost, inputCost, outputCost
          """)
  void rejectsABadSuiteEntryBeforeCallingAnything(String id, String config, String message) {
    assertThatThrownBy(() -> factory.create(BedrockTestKit.spec(id, config), context))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({
    "us.anthropic.claude-3-5-haiku-20241022-v1:0, anthropic.claude-3-5-haiku-20241022-v1:0",
    "global.anthropic.claude-sonnet-4-5-20250929-v1:0, anthropic.claude-sonnet-4-5-20250929-v1:0",
    "apac.amazon.nova-lite-v1:0, amazon.nova-lite-v1:0",
    "amazon.nova-lite-v1:0, amazon.nova-lite-v1:0",
    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0, arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0"
  })
  void pricesAnInferenceProfileAsItsModel(String modelId, String baseModelId) {
    assertThat(BedrockProviderFactory.baseModelId(modelId)).isEqualTo(baseModelId);
  }

  /**
   * Production code sets no endpoint: the SDK's standard configuration ({@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME},
   * or its system property) points it at the fake server, as it would at a VPC endpoint.
   */
  @Test
  void findsTheEndpointTheStandardAwsWay() {
    bedrock.stubFor(post(urlPathEqualTo("/model/amazon.nova-micro-v1%3A0/converse"))
        .willReturn(ProviderFixtures.load("bedrock-converse").response()));
    BedrockProviderFactory standard =
        new BedrockProviderFactory(
            builder -> builder.credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(BedrockTestKit.ACCESS_KEY, BedrockTestKit.SECRET_KEY))));
    String property = "aws.endpointUrlBedrockRuntime";
    System.setProperty(property, bedrock.baseUrl());
    try {
      Provider provider = standard.create(BedrockTestKit.spec("bedrock:amazon.nova-micro-v1:0", "{\"region\": \"eu-west-1\"}"), context);

      assertThat(provider.complete(ProviderRequest.ofText("hi")).output()).startsWith("Why don't scientists trust atoms?");
    } finally {
      System.clearProperty(property);
    }
    bedrock.verify(
        postRequestedFor(urlPathEqualTo("/model/amazon.nova-micro-v1%3A0/converse"))
            .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching(".*/eu-west-1/bedrock/aws4_request.*")));
  }

  @Test
  void anEmbeddingProviderIsAlsoAnEmbeddingPort() {
    assertThat(factory.create(BedrockTestKit.spec("bedrock:embed:amazon.titan-embed-text-v2:0", "{}"), context))
        .isInstanceOf(EmbeddingProvider.class);
  }
}
