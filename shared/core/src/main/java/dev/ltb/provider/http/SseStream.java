package dev.ltb.provider.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads server-sent events (the WHATWG event-stream format) from a body as they arrive: {@code event:},
 * {@code data:} (several lines joined by newlines), {@code id:}, comments ({@code :}) ignored, an event
 * dispatched at each blank line. The stream ends at end of input or at OpenAI's {@code data: [DONE]}
 * sentinel. An event not closed by a blank line before end of input is still delivered (some servers omit
 * the last one).
 *
 * <p>Use {@link #next()} or iterate ({@code for (SseEvent event : sse)}: IO errors then surface as {@link
 * UncheckedIOException}, which {@link HttpJsonTransport} maps like any other). Not thread-safe.
 */
public final class SseStream implements Iterable<SseEvent>, Closeable {

  /** The data of OpenAI's end-of-stream event (also used by Mistral, vLLM, llama.cpp and others). */
  public static final String DONE = "[DONE]";

  private final LineReader lines;
  private boolean finished;
  private String lastId;

  public SseStream(InputStream body) {
    this.lines = new LineReader(body);
  }

  /** The next event, or null when the stream has ended. */
  public SseEvent next() throws IOException {
    if (finished) return null;
    String event = null;
    StringBuilder data = null;
    while (true) {
      String line = lines.readLine();
      if (line == null) {
        finished = true;
        return data == null ? null : dispatch(event, data);
      }
      if (line.isEmpty()) {
        if (data != null) return dispatch(event, data);
        event = null;
        continue;
      }
      if (line.startsWith(":")) continue;
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) value = value.substring(1);
      switch (field) {
        case "event" -> event = value;
        case "data" -> {
          if (data == null) data = new StringBuilder();
          else data.append('\n');
          data.append(value);
        }
        case "id" -> lastId = value;
        default -> {
          // "retry" and unknown fields: nothing for a one-shot client to do
        }
      }
    }
  }

  @Override
  public Iterator<SseEvent> iterator() {
    return new Iterator<>() {
      private SseEvent pending;

      @Override
      public boolean hasNext() {
        if (pending == null) {
          try {
            pending = SseStream.this.next();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return pending != null;
      }

      @Override
      public SseEvent next() {
        if (!hasNext()) throw new NoSuchElementException();
        SseEvent event = pending;
        pending = null;
        return event;
      }
    };
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  private SseEvent dispatch(String event, StringBuilder data) {
    if (data.toString().strip().equals(DONE)) {
      finished = true;
      return null;
    }
    return new SseEvent(event, data.toString(), lastId);
  }
}
