package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The body of {@code POST /chat/completions}; null fields are left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletionRequest(
    String model,
    List<Message> messages,
    Double temperature,
    Double topP,
    Integer maxTokens,
    Integer maxCompletionTokens,
    List<String> stop,
    Long seed,
    Double presencePenalty,
    Double frequencyPenalty,
    JsonNode responseFormat,
    JsonNode tools,
    JsonNode toolChoice,
    Boolean parallelToolCalls,
    Boolean logprobs,
    Integer topLogprobs,
    String reasoningEffort,
    Boolean stream,
    StreamOptions streamOptions) {

  /**
   * One message; {@code content} is a string, or a list of {@link Part}s when the message has images.
   */
  public record Message(String role, Object content) {}

  /** A content part: {@code {"type":"text","text":...}} or {@code {"type":"image_url","image_url":{"url":...}}}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Part(String type, String text, ImageUrl imageUrl) {
    public static Part text(String text) {
      return new Part("text", text, null);
    }

    public static Part image(String url) {
      return new Part("image_url", null, new ImageUrl(url));
    }
  }

  public record ImageUrl(String url) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record StreamOptions(boolean includeUsage) {}
}
