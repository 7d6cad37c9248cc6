package dev.ltb.provider.http;

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

  /** Milliseconds since the request was sent: call it when the first token arrives for time-to-first-token. */
  public long elapsedMillis() {
    return (System.nanoTime() - sentAtNanos) / 1_000_000;
  }
}
