package dev.ltb.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads newline-delimited JSON (Ollama, Cohere v1 streams) one object per line as the lines arrive; blank
 * lines are skipped. A line that is not JSON fails with {@link com.fasterxml.jackson.core.JsonProcessingException}
 * (mapped to a malformed response by {@link HttpJsonTransport}). Not thread-safe.
 */
public final class NdjsonStream implements Iterable<JsonNode>, Closeable {

  private final LineReader lines;

  public NdjsonStream(InputStream body) {
    this.lines = new LineReader(body);
  }

  /** The next object, or null at the end of the stream. */
  public JsonNode next() throws IOException {
    String line;
    do {
      line = lines.readLine();
      if (line == null) return null;
    } while (line.isBlank());
    return Json.mapper().readTree(line);
  }

  /** The next object as {@code type}, or null at the end of the stream. */
  public <T> T next(Class<T> type) throws IOException {
    JsonNode node = next();
    return node == null ? null : Json.mapper().treeToValue(node, type);
  }

  @Override
  public Iterator<JsonNode> iterator() {
    return new Iterator<>() {
      private JsonNode pending;

      @Override
      public boolean hasNext() {
        if (pending == null) {
          try {
            pending = NdjsonStream.this.next();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return pending != null;
      }

      @Override
      public JsonNode next() {
        if (!hasNext()) throw new NoSuchElementException();
        JsonNode node = pending;
        pending = null;
        return node;
      }
    };
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
