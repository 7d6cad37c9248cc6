package dev.ltb.provider.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The body of {@code POST /v1/messages}; null fields are left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessagesRequest(
    String model,
    int maxTokens,
    String system,
    List<Message> messages,
    Double temperature,
    Double topP,
    Integer topK,
    List<String> stopSequences,
    JsonNode tools,
    JsonNode toolChoice,
    JsonNode outputConfig,
    JsonNode thinking,
    Boolean stream) {

  /** One turn; {@code content} is a string, or a list of {@link Block}s when the turn has images. */
  public record Message(String role, Object content) {}

  /** A content block: {@code {"type":"text","text":...}} or {@code {"type":"image","source":{...}}}. */
  public record Block(String type, String text, ImageSource source) {
    public static Block text(String text) {
      return new Block("text", text, null);
    }

    public static Block image(ImageSource source) {
      return new Block("image", null, source);
    }
  }

  /** {@code {"type":"base64","media_type","data"}} or {@code {"type":"url","url"}}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record ImageSource(String type, String mediaType, String data, String url) {
    public static ImageSource base64(String mediaType, String data) {
      return new ImageSource("base64", mediaType, data, null);
    }

    public static ImageSource url(String url) {
      return new ImageSource("url", null, null, url);
    }
  }
}
