package dev.ltb.provider.ollama;

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
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OllamaCompletionProviderTest {

  @RegisterExtension
  static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void aStreamedCompletionIsAssembledChunkByChunk() {
    ollama.stubFor(post("/api/generate").willReturn(ProviderFixtures.load("ollama-generate-stream-full").response()));

    ProviderResponse response = provider("ollama:completion:gemma4", "\"stream\": true").complete(ProviderRequest.ofText("Hi?"));

    assertThat(response.output()).isEqualTo("That's a fantastic question!");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.timeToFirstTokenMs()).isNotNull().isLessThanOrEqualTo(response.latencyMs());
    ollama.verify(
        postRequestedFor(urlPathEqualTo("/api/generate"))
            .withRequestBody(equalToJson("{\"model\": \"gemma4\", \"prompt\": \"Hi?\", \"stream\": true}")));
  }

  @Test
  void theBareIdIsACompletionAndTheFinalLineCarriesTheCounts() {
    ollama.stubFor(post("/api/generate").willReturn(ProviderFixtures.load("ollama-generate-stream").response()));

    ProviderResponse response =
        provider("ollama:llama3.2", "\"stream\": true, \"num_predict\": 100")
            .complete(
                new ProviderRequest(
                    List.of(ChatMessage.system("Answer in one word."), ChatMessage.user("Why is the sky blue?")),
                    "Why is the sky blue?",
                    true));

    assertThat(response.output()).isEqualTo("The");
    assertThat(response.usage()).isEqualTo(new TokenUsage(26, 259));
    ollama.verify(
        postRequestedFor(urlPathEqualTo("/api/generate"))
            .withRequestBody(
                equalToJson(
                    """
                    {"model": "llama3.2", "prompt": "Why is the sky blue?", "system": "Answer in one word.",
                     "stream": true, "options": {"num_predict": 100}}""")));
  }

  @Test
  void anErrorLineInsideTheStreamIsAServerError() {
    ollama.stubFor(post("/api/generate").willReturn(ProviderFixtures.load("ollama-stream-midstream-error").response()));

    assertThatThrownBy(() -> provider("ollama:completion:gemma4", "\"stream\": true").complete(ProviderRequest.ofText("Hi?")))
        .isInstanceOf(ProviderException.ServerError.class)
        .hasMessage(
            "ollama:completion:gemma4: the server failed while streaming: an error was encountered while running the"
                + " model");
  }

  private static Provider provider(String id, String config) {
    String json = "{\"apiBaseUrl\": \"" + ollama.baseUrl() + "\", " + config + "}";
    return new OllamaProviderFactory().create(spec(id, json), context(Map.of()));
  }
}
