package dev.ltb.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.util.Objects;

/**
 * One server-sent event.
 *
 * @param event the {@code event:} type, {@code message} when the stream gave none
 * @param data the {@code data:} lines joined with newlines
 * @param id the last {@code id:} seen, or null
 */
public record SseEvent(String event, String data, String id) {

  public SseEvent {
    event = event == null || event.isEmpty() ? "message" : event;
    Objects.requireNonNull(data, "data");
  }

  /** The data parsed as JSON (the usual case for LLM APIs). */
  public JsonNode json() throws JsonProcessingException {
    return Json.mapper().readTree(data);
  }

  /** The data parsed as {@code type}. */
  public <T> T json(Class<T> type) throws JsonProcessingException {
    return Json.mapper().readValue(data, type);
  }
}
