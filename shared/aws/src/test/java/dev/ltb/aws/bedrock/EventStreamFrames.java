package dev.ltb.aws.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ProviderFixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Builds a ConverseStream answer body in AWS event-stream binary framing with the SDK's own encoder. Each
 * event's fields are checked against the documented shapes in {@code bedrock-converse-stream-event-shapes},
 * so the tests cannot invent a field Bedrock does not send.
 */
final class EventStreamFrames {

  static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

  private static final JsonNode SHAPES =
      ProviderFixtures.load("bedrock-converse-stream-event-shapes").bodyJson().path("events");

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** An event {@code :event-type=name} whose JSON payload is the member value (not wrapped in its name). */
  EventStreamFrames event(String name, String payloadJson) {
    JsonNode payload = BedrockTestKit.json(payloadJson);
    assertThat(documented(name, payload)).as("event %s %s follows a documented shape", name, payloadJson).isTrue();
    return frame(Map.of(":message-type", "event", ":event-type", name, ":content-type", "application/json"), payload);
  }

  /** A modelled exception inside the stream, e.g. {@code throttlingException}. */
  EventStreamFrames exception(String type, String message) {
    ObjectNode payload = Json.mapper().createObjectNode().put("message", message);
    return frame(Map.of(":message-type", "exception", ":exception-type", type, ":content-type", "application/json"), payload);
  }

  byte[] bytes() {
    return body.toByteArray();
  }

  private EventStreamFrames frame(Map<String, String> headers, JsonNode payload) {
    Map<String, HeaderValue> values = new LinkedHashMap<>();
    headers.forEach((key, value) -> values.put(key, HeaderValue.fromString(value)));
    new Message(values, Json.write(payload).getBytes(StandardCharsets.UTF_8)).encode(body);
    return this;
  }

  private static boolean documented(String name, JsonNode payload) {
    for (JsonNode event : SHAPES) {
      if (event.has(name) && fieldsWithin(payload, event.get(name))) return true;
    }
    return false;
  }

  private static boolean fieldsWithin(JsonNode value, JsonNode shape) {
    if (!value.isObject()) return true;
    if (!shape.isObject()) return false;
    for (var field : value.properties()) {
      if (!shape.has(field.getKey()) || !fieldsWithin(field.getValue(), shape.get(field.getKey()))) return false;
    }
    return true;
  }
}
