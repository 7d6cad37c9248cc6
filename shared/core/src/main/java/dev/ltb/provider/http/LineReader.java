package dev.ltb.provider.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines ended by LF, CRLF or CR as soon as their end arrives, never waiting for more input than
 * the current line needs (so a streamed answer is seen token by token). Splitting on bytes is safe: in
 * UTF-8 no multi-byte character contains a CR or LF byte.
 */
final class LineReader implements Closeable {

  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private boolean skipLineFeed;

  LineReader(InputStream in) {
    this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 8192);
  }

  /** The next line without its end, or null at the end of the input (a last line without an end counts). */
  String readLine() throws IOException {
    line.reset();
    while (true) {
      int b = in.read();
      if (b < 0) return line.size() == 0 ? null : text();
      if (skipLineFeed) {
        skipLineFeed = false;
        if (b == '\n') continue;
      }
      if (b == '\n') return text();
      if (b == '\r') {
        skipLineFeed = true;
        return text();
      }
      line.write(b);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private String text() {
    return line.toString(StandardCharsets.UTF_8);
  }
}
