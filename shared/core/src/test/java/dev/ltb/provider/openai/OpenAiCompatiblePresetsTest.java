package dev.ltb.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.json.Json;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.SecretResolver;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiCompatiblePresetsTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          groq:chat:llama-3.3-70b-versatile                 | GROQ_API_KEY       | https://api.groq.com/openai/v1/chat/completions       | llama-3.3-70b-versatile
          together:meta-llama/Llama-3.3-70B-Instruct-Turbo  | TOGETHER_API_KEY   | https://api.together.ai/v1/chat/completions           | meta-llama/Llama-3.3-70B-Instruct-Turbo
          perplexity:sonar-pro                              | PERPLEXITY_API_KEY | https://api.perplexity.ai/chat/completions            | sonar-pro
          openrouter:meta-llama/llama-3.1-8b-instruct:free  | OPENROUTER_API_KEY | https://openrouter.ai/api/v1/chat/completions         | meta-llama/llama-3.1-8b-instruct:free
          deepseek:chat:deepseek-chat                       | DEEPSEEK_API_KEY   | https://api.deepseek.com/chat/completions             | deepseek-chat
          fireworks:accounts/fireworks/models/llama-v3p1-8b-instruct | FIREWORKS_API_KEY | https://api.fireworks.ai/inference/v1/chat/completions | accounts/fireworks/models/llama-v3p1-8b-instruct
          xai:chat:grok-4                                   | XAI_API_KEY        | https://api.x.ai/v1/chat/completions                  | grok-4
          vllm:chat:Qwen/Qwen2.5-7B-Instruct                | VLLM_API_KEY       | http://localhost:8000/v1/chat/completions             | Qwen/Qwen2.5-7B-Instruct
          lmstudio:qwen/qwen3-4b                            | LM_API_TOKEN       | http://localhost:1234/v1/chat/completions             | qwen/qwen3-4b
          """)
  void eachPresetCallsItsVendorWithTheKeyFromItsVariable(String id, String variable, String endpoint, String model) {
    ProviderContext context = context(Map.of(variable, "key-of-" + variable));

    OpenAiChatProvider provider = (OpenAiChatProvider) BuiltInProviders.registry().create(ProviderSpec.of(id), context);

    assertThat(provider.endpoint()).hasToString(endpoint);
    assertThat(provider.model()).isEqualTo(model);
  }

  @Test
  void aPresetSendsItsKeyAndModelToTheServer() {
    server.stubFor(post("/openai/v1/chat/completions").willReturn(ProviderFixtures.load("openai-chat-completions").response()));
    ObjectNode config = Json.mapper().createObjectNode().put("apiBaseUrl", server.baseUrl() + "/openai/v1");

    ProviderResponse response =
        BuiltInProviders.registry()
            .create(ProviderSpec.of("groq:chat:llama-3.3-70b-versatile", config), context(Map.of("GROQ_API_KEY", "gsk_x")))
            .complete(ProviderRequest.ofText("Hello!"));

    assertThat(response.output()).isEqualTo("Hello! How can I assist you today?");
    assertThat(response.costUsd()).as("no price for this vendor's models in the table").isNull();
    server.verify(
        postRequestedFor(urlPathEqualTo("/openai/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer gsk_x"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("llama-3.3-70b-versatile"))));
  }

  @Test
  void localServersAndOpenAiCompatibleNeedNoKey() {
    server.stubFor(post("/v1/chat/completions").willReturn(ProviderFixtures.load("openai-chat-completions").response()));
    ObjectNode config = Json.mapper().createObjectNode().put("apiBaseUrl", server.baseUrl() + "/v1");

    BuiltInProviders.registry()
        .create(ProviderSpec.of("openai-compatible:my-model", config), context(Map.of("OPENAI_API_KEY", "not-this")))
        .complete(ProviderRequest.ofText("Hello!"));
    BuiltInProviders.registry().create(ProviderSpec.of("vllm:chat:some-model"), context(Map.of()));

    server.verify(
        postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", absent())
            .withRequestBody(matchingJsonPath("$.model", equalTo("my-model"))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          deepseek:chat:deepseek-chat     | provider deepseek:chat:deepseek-chat: no API key: set the environment variable DEEPSEEK_API_KEY or config apiKey
          xai:grok-4                      | provider xai:grok-4: no API key: set the environment variable XAI_API_KEY or config apiKey
          openai-compatible:my-model      | provider openai-compatible:my-model: config apiBaseUrl is required: the root of the server's OpenAI-compatible API, e.g. http://localhost:8000/v1
          groq:responses:llama            | provider groq:responses:llama: the responses API is not supported; use groq:chat:<model>
          """)
  void explainsAMissingSetting(String id, String message) {
    assertThatThrownBy(() -> BuiltInProviders.registry().create(ProviderSpec.of(id), context(Map.of())))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(message);
  }

  private static ProviderContext context(Map<String, String> secrets) {
    return new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(secrets), Path.of("."));
  }
}
