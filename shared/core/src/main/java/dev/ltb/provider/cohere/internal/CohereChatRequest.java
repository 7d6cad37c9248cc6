package dev.ltb.provider.cohere.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The body of {@code POST /v2/chat}. Null fields are left out; {@code stream} is always sent. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereChatRequest(
    String model,
    List<Message> messages,
    JsonNode tools,
    Boolean strictTools,
    JsonNode responseFormat,
    String safetyMode,
    Integer maxTokens,
    List<String> stopSequences,
    Double temperature,
    Long seed,
    Double frequencyPenalty,
    Double presencePenalty,
    Integer k,
    Double p,
    Boolean logprobs,
    String toolChoice,
    JsonNode thinking,
    boolean stream) {

  /** A message; {@code content} is a string, or a list of {@link Part}s when it holds images. */
  public record Message(String role, Object content) {}

  /** {@code {type: text, text}} or {@code {type: image_url, image_url: {url}}}. */
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
}
