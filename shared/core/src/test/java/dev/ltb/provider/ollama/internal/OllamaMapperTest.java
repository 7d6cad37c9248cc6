package dev.ltb.provider.ollama.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import org.junit.jupiter.api.Test;

class OllamaMapperTest {

  @Test
  void passthroughFieldsGoOnTopOfTheBody() throws Exception {
    OllamaSettings settings =
        OllamaSettings.from(ProviderConfig.of("ollama:chat:m", Json.mapper().readTree(
            "{\"think\": \"low\", \"top_logprobs\": 2, \"passthrough\": {\"stream\": true, \"raw\": true}}")));

    JsonNode body = OllamaMapper.toChatRequest("m", settings, ProviderRequest.ofText("hi"));

    assertThat(body).isEqualTo(Json.mapper().readTree(
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"stream\": true,"
            + " \"think\": \"low\", \"logprobs\": true, \"top_logprobs\": 2, \"raw\": true}"));
  }

  @Test
  void aToolCallAnswerBecomesToolCallsWithTheirArgumentsAsJson() throws Exception {
    OllamaResponse line =
        Json.mapper().treeToValue(ProviderFixtures.load("ollama-chat-tools").bodyJson(), OllamaResponse.class);
    OllamaAnswer answer = new OllamaAnswer(null);

    answer.accept(line);
    ProviderResponse response = answer.toResponse();

    assertThat(answer.finished()).isTrue();
    assertThat(answer.usageReported()).isTrue();
    assertThat(response.toolCalls()).containsExactly(new ToolCall(null, "get_weather", "{\"city\":\"Tokyo\"}"));
    assertThat(response.output()).isEqualTo(
        "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Tokyo\\\"}\"}}]");
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new TokenUsage(169, 18));
  }

  @Test
  void logprobsAndLengthStopsAreRead() throws Exception {
    OllamaResponse line = Json.mapper().readValue(
        "{\"message\": {\"role\": \"assistant\", \"content\": \"Hi\"}, \"done\": true, \"done_reason\": \"length\","
            + " \"logprobs\": [{\"token\": \"Hi\", \"logprob\": -0.25, \"bytes\": [72, 105], \"top_logprobs\": []}]}",
        OllamaResponse.class);
    OllamaAnswer answer = new OllamaAnswer(() -> 42);

    answer.accept(line);
    ProviderResponse response = answer.toResponse();

    assertThat(response.logprobs()).containsExactly(new TokenLogprob("Hi", -0.25));
    assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(response.timeToFirstTokenMs()).isEqualTo(42);
    assertThat(answer.usageReported()).isFalse();
  }
}
