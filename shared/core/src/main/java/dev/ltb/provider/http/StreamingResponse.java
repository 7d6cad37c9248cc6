package dev.ltb.provider.http;

import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;

/**
 * A successful (2xx) answer whose body is read as it arrives: give {@link #body} to {@link SseStream} or
 * {@link NdjsonStream}.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body; reads fail with a timeout once the request's time is up
 * @param sentAtNanos {@link System#nanoTime()} just before the request was sent
 */
public record StreamingResponse(int status, HttpHeaders headers, InputStream body, long sentAtNanos) {

  /** True when the server answered with one JSON document rather than a stream. */
  public boolean isJson() {
    return headers.firstValue("content-type").map(type -> type.startsWith("application/json")).orElse(false);
  }

  /** The whole body as {@code type} (for servers that answer a stream request with one JSON document). */
  public <T> T json(Class<T> type) throws IOException {
    return Json.mapper().readValue(body, type);
  }

  /** Milliseconds since the request was sent: call it when the first token arrives for time-to-first-token. */
  public long elapsedMillis() {
    return (System.nanoTime() - sentAtNanos) / 1_000_000;
  }
}
