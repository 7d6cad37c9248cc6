package dev.ltb.provider.mistral.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The body of {@code POST /v1/chat/completions}. Null fields are left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MistralChatRequest(
    String model,
    List<Message> messages,
    Double temperature,
    Double topP,
    Integer maxTokens,
    List<String> stop,
    Long randomSeed,
    JsonNode responseFormat,
    JsonNode tools,
    JsonNode toolChoice,
    Boolean parallelToolCalls,
    Double presencePenalty,
    Double frequencyPenalty,
    Boolean safePrompt,
    String promptMode,
    Boolean stream) {

  /** A message; {@code content} is a string, or a list of {@link Part}s when it holds images. */
  public record Message(String role, Object content) {}

  /** {@code {type: text, text}} or {@code {type: image_url, image_url: "<url or data URL>"}}. */
  public record Part(String type, String text, @JsonProperty("image_url") String imageUrl) {
    public static Part text(String text) {
      return new Part("text", text, null);
    }

    public static Part image(String url) {
      return new Part("image_url", null, url);
    }
  }
}
