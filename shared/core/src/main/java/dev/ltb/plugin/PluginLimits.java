package dev.ltb.plugin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The sandbox limits applied on every call of a plugin. Defaults are resolved here and only here.
 *
 * @param memoryPages the most 64 KiB pages the plugin's linear memory may grow to (and, separately, the
 *     host-side Extism memory that holds its input, output and allocations)
 * @param timeoutMs wall-clock time one call may take before it is interrupted
 * @param maxOutputBytes the largest output a call may return
 */
public record PluginLimits(int memoryPages, long timeoutMs, int maxOutputBytes) {

  public static final int PAGE_BYTES = 64 * 1024;
  public static final int DEFAULT_MEMORY_PAGES = 256; // 16 MiB
  public static final long DEFAULT_TIMEOUT_MS = 2_000;
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
  /** Ceilings a manifest cannot exceed, so one plugin cannot take a worker's memory or time. */
  public static final int MAX_MEMORY_PAGES = 4096; // 256 MiB
  public static final long MAX_TIMEOUT_MS = 60_000;
  public static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

  public static final PluginLimits DEFAULTS =
      new PluginLimits(DEFAULT_MEMORY_PAGES, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_OUTPUT_BYTES);

  public PluginLimits {
    if (memoryPages < 1 || memoryPages > MAX_MEMORY_PAGES)
      throw new IllegalArgumentException(
          "limits.memoryPages must be within [1, " + MAX_MEMORY_PAGES + "], was " + memoryPages);
    if (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS)
      throw new IllegalArgumentException(
          "limits.timeoutMs must be within [1, " + MAX_TIMEOUT_MS + "], was " + timeoutMs);
    if (maxOutputBytes < 1 || maxOutputBytes > MAX_OUTPUT_BYTES)
      throw new IllegalArgumentException(
          "limits.maxOutputBytes must be within [1, " + MAX_OUTPUT_BYTES + "], was " + maxOutputBytes);
  }

  /** Reads a manifest's {@code limits}, taking the default for each limit it leaves out. */
  @JsonCreator
  static PluginLimits fromJson(
      @JsonProperty("memoryPages") Integer memoryPages,
      @JsonProperty("timeoutMs") Long timeoutMs,
      @JsonProperty("maxOutputBytes") Integer maxOutputBytes) {
    return new PluginLimits(
        memoryPages == null ? DEFAULT_MEMORY_PAGES : memoryPages,
        timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs,
        maxOutputBytes == null ? DEFAULT_MAX_OUTPUT_BYTES : maxOutputBytes);
  }

  public Duration timeout() {
    return Duration.ofMillis(timeoutMs);
  }

  public long memoryBytes() {
    return (long) memoryPages * PAGE_BYTES;
  }
}
