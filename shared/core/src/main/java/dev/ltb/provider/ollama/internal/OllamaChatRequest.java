package dev.ltb.provider.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The body of {@code POST /api/chat}. Null fields are left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OllamaChatRequest(
    String model,
    List<Message> messages,
    JsonNode tools,
    JsonNode format,
    ObjectNode options,
    boolean stream,
    JsonNode think,
    JsonNode keepAlive,
    Boolean logprobs,
    Integer topLogprobs) {

  /** One message; {@code images} are base64 without a data-URL prefix. */
  public record Message(String role, String content, List<String> images) {}
}
