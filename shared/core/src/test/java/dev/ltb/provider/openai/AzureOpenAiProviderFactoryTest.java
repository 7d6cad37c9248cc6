package dev.ltb.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AzureOpenAiProviderFactoryTest {

  @RegisterExtension
  static WireMockExtension azure = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "azure-key-7d1e4c9b2a6f3058";
  private static final String PATH = "/openai/deployments/my-gpt-4o-mini/chat/completions";

  @Test
  void postsToTheDeploymentWithTheApiKeyAndNoModelInTheBody() {
    ObjectNode body = (ObjectNode) ProviderFixtures.load("openai-chat-completions").bodyJson();
    body.put("model", "gpt-4o-mini-2024-07-18");
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString()));

    ProviderResponse response =
        provider("azure:chat:my-gpt-4o-mini", "temperature: 0", Map.of("AZURE_OPENAI_API_KEY", KEY))
            .complete(
                new ProviderRequest(
                    List.of(ChatMessage.system("You are a helpful assistant."), ChatMessage.user("Hello!")), "Hello!",
                    true));

    assertThat(response.output()).isEqualTo("Hello! How can I assist you today?");
    assertThat(response.usage()).isEqualTo(new TokenUsage(19, 10, 0));
    assertThat(response.costUsd()).as("priced by the model the answer names")
        .isCloseTo((19 * 0.15 + 10 * 0.60) / 1e6, within(1e-12));
    azure.verify(
        postRequestedFor(urlEqualTo(PATH + "?api-version=" + AzureOpenAiProviderFactory.DEFAULT_API_VERSION))
            .withHeader("api-key", equalTo(KEY))
            .withHeader("Authorization", absent())
            .withRequestBody(
                equalToJson(
                    """
                    {"messages": [{"role": "system", "content": "You are a helpful assistant."},
                                  {"role": "user", "content": "Hello!"}],
                     "temperature": 0.0}
                    """)));
  }

  @Test
  void sendsAnEntraIdTokenAndTheConfiguredApiVersion() {
    stub(ProviderFixtures.load("openai-chat-completions").response());
    Map<String, String> environment = Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_AD_TOKEN", "entra-token-123456");

    provider("azure:my-gpt-4o-mini", "apiVersion: 2025-04-01-preview\nazureAdTokenEnvar: AZURE_OPENAI_AD_TOKEN",
        environment).complete(ProviderRequest.ofText("Hi"));

    azure.verify(
        postRequestedFor(urlEqualTo(PATH + "?api-version=2025-04-01-preview"))
            .withHeader("Authorization", equalTo("Bearer entra-token-123456"))
            .withHeader("api-key", absent()));
  }

  @Test
  void readsTheEndpointFromTheEnvironment() {
    stub(ProviderFixtures.load("openai-chat-completions").response());
    Map<String, String> environment = Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", azure.baseUrl() + "/");
    ProviderContext context =
        new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(environment), Path.of("."));

    new AzureOpenAiProviderFactory().create(ProviderSpec.of("azure:chat:my-gpt-4o-mini"), context)
        .complete(ProviderRequest.ofText("Hi"));

    azure.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("api-key", equalTo(KEY)));
  }

  @Test
  void streamsLikeOpenAi() {
    stub(ProviderFixtures.load("openai-chat-completions-stream").response());

    ProviderResponse response =
        provider("azure:chat:my-gpt-4o-mini", "stream: true", Map.of("AZURE_OPENAI_API_KEY", KEY))
            .complete(ProviderRequest.ofText("What's the weather like in SF?"));

    assertThat(response.output()).startsWith("I'm unable to provide real-time weather updates.");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.timeToFirstTokenMs()).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          400 | none | CONTENT_FILTERED | -1   | azure:chat:my-gpt-4o-mini: HTTP 400 invalid request: content_filter: The response was filtered due to the prompt triggering Azure OpenAI's content management policy.
          401 | none | AUTHENTICATION   | -1   | azure:chat:my-gpt-4o-mini: HTTP 401 authentication failed (check the API key): 401: Access denied due to invalid subscription key or wrong API endpoint.
          429 | 7    | RATE_LIMITED     | 7000 | azure:chat:my-gpt-4o-mini: HTTP 429 rate limited: 429: Requests to the ChatCompletions_Create Operation have exceeded the rate limit.
          500 | none | SERVER_ERROR     | -1   | azure:chat:my-gpt-4o-mini: HTTP 500 server error: InternalServerError: The service is temporarily unable to process your request.
          """)
  void mapsErrorAnswers(int status, String retryAfter, ProviderErrorKind kind, long waitMillis, String message) {
    String body =
        switch (status) {
          case 400 -> "{\"error\":{\"message\":\"The response was filtered due to the prompt triggering Azure OpenAI's"
              + " content management policy.\",\"type\":null,\"param\":\"prompt\",\"code\":\"content_filter\","
              + "\"status\":400}}";
          case 401 -> "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription key or"
              + " wrong API endpoint.\"}}";
          case 429 -> "{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation"
              + " have exceeded the rate limit.\"}}";
          default -> "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"The service is temporarily unable to"
              + " process your request.\"}}";
        };
    ResponseDefinitionBuilder answer =
        aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    if (retryAfter != null) answer.withHeader("Retry-After", retryAfter);
    stub(answer);

    assertThatThrownBy(
            () -> provider("azure:chat:my-gpt-4o-mini", "{}", Map.of("AZURE_OPENAI_API_KEY", KEY))
                .complete(ProviderRequest.ofText("Hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.retryAfter().map(Duration::toMillis).orElse(-1L)).isEqualTo(waitMillis);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          no endpoint    | azure:chat:gpt4 | apiKey: k                     | provider azure:chat:gpt4: no endpoint: set the environment variable AZURE_OPENAI_ENDPOINT or config apiBaseUrl, e.g. https://my-resource.openai.azure.com
          no credentials | azure:chat:gpt4 | apiHost: r.openai.azure.com   | provider azure:chat:gpt4: no credentials: set AZURE_OPENAI_API_KEY (or config apiKey) for an API key, or AZURE_OPENAI_AD_TOKEN (or config azureAdToken) for a Microsoft Entra ID token
          no deployment  | azure:chat:     | apiKey: k                     | provider azure:chat:: no model; write the id as azure:chat:<deployment>, e.g. azure:chat:my-gpt-4o-mini
          bad version    | azure:chat:gpt4 | '{apiKey: k, apiHost: r.openai.azure.com, apiVersion: "2024 10"}' | provider azure:chat:gpt4: config apiVersion must look like 2024-10-21, was "2024 10"
          other API      | azure:responses:gpt4 | apiKey: k                | provider azure:responses:gpt4: the responses API is not supported; use azure:chat:<deployment>
          """)
  void explainsABadSetup(String why, String id, String yaml, String message) {
    ProviderSpec spec = ProviderSpec.of(id, OpenAiResponsesProviderTest.yaml(yaml));
    ProviderContext context =
        new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(Map.of()), Path.of("."));

    assertThatThrownBy(() -> new AzureOpenAiProviderFactory().create(spec, context))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  private static void stub(ResponseDefinitionBuilder answer) {
    azure.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer));
  }

  private static OpenAiChatProvider provider(String id, String yaml, Map<String, String> environment) {
    ObjectNode config = ((ObjectNode) OpenAiResponsesProviderTest.yaml(yaml)).put("apiBaseUrl", azure.baseUrl());
    ProviderContext context =
        new ProviderContext(
            ProviderContext.defaultHttpClient(), SecretResolver.of(new HashMap<>(environment)), Path.of("."));
    return new AzureOpenAiProviderFactory().create(ProviderSpec.of(id, config), context);
  }
}
