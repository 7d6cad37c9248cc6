package dev.ltb.provider.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Hands out its bytes in small pieces of random size, as a network does: to test chunk boundaries. */
final class ChunkedInputStream extends InputStream {

  private final byte[] bytes;
  private final SplittableRandom random;
  private final int maxChunk;
  private int position;

  ChunkedInputStream(String text, long seed, int maxChunk) {
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
    this.random = new SplittableRandom(seed);
    this.maxChunk = maxChunk;
  }

  @Override
  public int read() {
    return position < bytes.length ? bytes[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) return 0;
    if (position >= bytes.length) return -1;
    int count = Math.min(Math.min(length, 1 + random.nextInt(maxChunk)), bytes.length - position);
    System.arraycopy(bytes, position, buffer, offset, count);
    position += count;
    return count;
  }
}
