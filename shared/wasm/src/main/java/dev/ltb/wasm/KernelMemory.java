package dev.ltb.wasm;

import dev.ltb.plugin.PluginException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Extism kernel's memory, kept on the Java side: the blocks a plugin allocates with {@code alloc} and
 * addresses by 64-bit offset (its input, its output, config values, log messages). Offset 0 means "none", so
 * blocks start at 8. One per plugin instance, reset at each call; never shared between threads.
 */
final class KernelMemory {

  private static final int BASE = 8;
  /** Small: a fresh instance per call is the default, and zeroing a large array on every call shows in its cost. */
  private static final int INITIAL_CAPACITY = 4 * 1024;
  private static final int KEPT_CAPACITY = 4 * 1024 * 1024;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final String plugin;
  private final long limitBytes;
  private final Map<Integer, Integer> blockLengths = new HashMap<>();
  private byte[] data = new byte[INITIAL_CAPACITY];
  private int top = BASE;

  KernelMemory(String plugin, long limitBytes) {
    this.plugin = plugin;
    this.limitBytes = Math.min(limitBytes, Integer.MAX_VALUE - 64);
  }

  /** Frees every block; a pooled instance gives back memory an earlier large call made it hold. */
  void reset() {
    blockLengths.clear();
    top = BASE;
    if (data.length > KEPT_CAPACITY) data = new byte[INITIAL_CAPACITY];
  }

  long alloc(long length) {
    if (length < 0) throw trap("alloc of a negative length " + length);
    long size = Math.max(8, (length + 7) & ~7L);
    if (top + size > limitBytes)
      throw new PluginException.MemoryLimit(
          "plugin " + plugin + " tried to allocate " + length + " bytes of Extism memory with " + (top - BASE)
              + " in use, over its limit of " + limitBytes
              + " bytes (limits.memoryPages in plugin.json sets it)");
    int offset = top;
    ensureCapacity(offset + (int) size);
    top = offset + (int) size;
    blockLengths.put(offset, (int) length);
    return offset;
  }

  long allocAndWrite(byte[] bytes) {
    long offset = alloc(bytes.length);
    System.arraycopy(bytes, 0, data, (int) offset, bytes.length);
    return offset;
  }

  void free(long offset) {
    Integer length = blockLengths.remove((int) offset);
    if (length != null && offset + Math.max(8, (length + 7) & ~7L) == top) top = (int) offset;
  }

  /** The length of the block starting at offset, or 0 when no block starts there (as the Extism kernel). */
  long length(long offset) {
    if (offset < BASE || offset >= top) return 0;
    return blockLengths.getOrDefault((int) offset, 0);
  }

  int loadU8(long offset) {
    check(offset, 1);
    return data[(int) offset] & 0xff;
  }

  long loadU64(long offset) {
    check(offset, 8);
    return (long) LONGS.get(data, (int) offset);
  }

  void storeU8(long offset, int value) {
    check(offset, 1);
    data[(int) offset] = (byte) value;
  }

  void storeU64(long offset, long value) {
    check(offset, 8);
    LONGS.set(data, (int) offset, value);
  }

  byte[] read(long offset, long length) {
    if (length == 0) return new byte[0];
    check(offset, length);
    return Arrays.copyOfRange(data, (int) offset, (int) (offset + length));
  }

  /** The whole block starting at offset. */
  byte[] readBlock(long offset) {
    return read(offset, length(offset));
  }

  long limit() {
    return limitBytes;
  }

  long used() {
    return top - BASE;
  }

  private void check(long offset, long length) {
    if (offset < BASE || length < 0 || offset + length > top)
      throw trap("access to Extism memory at offset " + offset + " (+" + length + ") outside its allocated blocks");
  }

  private void ensureCapacity(int needed) {
    if (needed <= data.length) return;
    long capacity = Math.max(needed, Math.min((long) data.length * 2, limitBytes));
    data = Arrays.copyOf(data, (int) capacity);
  }

  private PluginException trap(String problem) {
    return new PluginException.Trap("plugin " + plugin + " made an invalid Extism call: " + problem, null);
  }
}
