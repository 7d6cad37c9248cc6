package dev.ltb.wasm;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.plugin.Plugin;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginManifest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded plugin. Each call runs on the caller's thread under a {@link Deadline}, in an instance of its own:
 * fresh, or taken from a small pool of instances that finished their last call cleanly and were put back to
 * their state after instantiation. A failed call's instance is thrown away. Either way nothing of one call
 * (memory, globals, a trap, a timeout) reaches the next.
 */
final class ChicoryPlugin implements Plugin {

  private static final int EXCERPT_CHARS = 80;

  private final PluginManifest manifest;
  private final PreparedModule module;
  private final ModuleInspector.Inspection inspection;
  private final PluginLogSink logSink;
  private final InstanceReuse reuse;
  private final int maxPooled;
  private final ConcurrentLinkedDeque<PluginInstance> pool = new ConcurrentLinkedDeque<>();
  private final AtomicInteger pooled = new AtomicInteger();
  private final ConfigValues configs = new ConfigValues();

  ChicoryPlugin(
      PluginManifest manifest,
      PreparedModule module,
      ModuleInspector.Inspection inspection,
      PluginLogSink logSink,
      InstanceReuse reuse,
      int maxPooled) {
    this.manifest = manifest;
    this.module = module;
    this.inspection = inspection;
    this.logSink = logSink;
    this.reuse = reuse;
    this.maxPooled = maxPooled;
  }

  @Override
  public PluginManifest manifest() {
    return manifest;
  }

  @Override
  public JsonNode call(JsonNode input, JsonNode config) {
    byte[] output = callBytes(inputBytes(input), configs.computeIfAbsent(config));
    try {
      return Json.mapper().readTree(output);
    } catch (java.io.IOException | RuntimeException e) {
      String text = new String(output, 0, Math.min(output.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
      if (text.length() > EXCERPT_CHARS) text = text.substring(0, EXCERPT_CHARS) + "...";
      throw new PluginException.MalformedOutput(
          "plugin " + manifest.name() + " returned output that is not JSON ("
              + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage())
              + "); it began: " + text,
          e);
    }
  }

  private static byte[] inputBytes(JsonNode input) {
    try {
      return Json.mapper().writeValueAsBytes(input);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("plugin input is not serializable: " + e.getMessage(), e);
    }
  }

  /** One call with raw input bytes; the raw output bytes. */
  byte[] callBytes(byte[] input, Map<String, byte[]> config) {
    PluginInstance instance = null;
    try (Deadline deadline = Deadline.start(manifest.limits().timeout())) {
      try {
        instance = acquire();
        byte[] output = instance.call(input, config);
        release(instance);
        return output;
      } catch (RuntimeException | StackOverflowError e) {
        throw classify(e, deadline.expired(), instance);
      }
    }
  }

  /** How many idle instances wait in the pool (for tests and diagnostics). */
  int pooledInstances() {
    return pooled.get();
  }

  /** True when the module was compiled at build time rather than at load. */
  boolean aheadOfTime() {
    return module.aheadOfTime();
  }

  PluginInstance newInstance() {
    return new PluginInstance(manifest, module, inspection, logSink, reuse == InstanceReuse.POOLED);
  }

  private PluginInstance acquire() {
    if (reuse == InstanceReuse.POOLED) {
      PluginInstance idle = pool.pollFirst();
      if (idle != null) {
        pooled.decrementAndGet();
        return idle;
      }
    }
    return newInstance();
  }

  private void release(PluginInstance instance) {
    if (reuse != InstanceReuse.POOLED || !instance.reset()) return;
    if (pooled.incrementAndGet() <= maxPooled) {
      pool.offerFirst(instance);
    } else {
      pooled.decrementAndGet();
    }
  }

  private PluginException classify(Throwable failure, boolean expired, PluginInstance instance) {
    String name = manifest.name();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PluginException plugin) return plugin;
    }
    if (expired || failure instanceof ChicoryInterruptedException)
      return new PluginException.Timeout(
          "plugin " + name + " ran longer than its limit of " + manifest.limits().timeoutMs()
              + " ms and was stopped (limits.timeoutMs in plugin.json)");
    if (instance != null && instance.grewToItsLimit())
      return new PluginException.MemoryLimit(
          "plugin " + name + " trapped after using all " + instance.memoryPages() + " pages ("
              + size(instance.memoryPages()) + ") of memory it may use (limits.memoryPages in plugin.json)");
    if (failure instanceof StackOverflowError)
      return new PluginException.Trap("plugin " + name + " trapped: call stack exhausted (runaway recursion?)", failure);
    return new PluginException.Trap("plugin " + name + " trapped: " + failure.getMessage(), failure);
  }

  /**
   * Config values by config: a suite has a few distinct configs and calls a plugin for every item, so each is
   * converted once. Values are never changed after conversion, so calls share them.
   */
  private static final class ConfigValues {
    private static final int MAX = 256;
    private final Map<JsonNode, Map<String, byte[]>> byConfig = new java.util.concurrent.ConcurrentHashMap<>();

    Map<String, byte[]> computeIfAbsent(JsonNode config) {
      if (config == null || !config.isObject() || config.isEmpty()) return Map.of();
      Map<String, byte[]> values = byConfig.get(config);
      if (values == null) {
        values = configValues(config);
        if (byConfig.size() >= MAX) byConfig.clear();
        byConfig.put(config.deepCopy(), values);
      }
      return values;
    }
  }

  private static String size(int pages) {
    return pages % 16 == 0 ? pages / 16 + " MiB" : pages * 64 + " KiB";
  }

  /** Top-level config keys as Extism config values: strings as they are, anything else as JSON. */
  static Map<String, byte[]> configValues(JsonNode config) {
    if (config == null || !config.isObject() || config.isEmpty()) return Map.of();
    Map<String, byte[]> values = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : config.properties()) {
      JsonNode value = entry.getValue();
      String text = value.isTextual() ? value.textValue() : Json.write(value);
      values.put(entry.getKey(), text.getBytes(StandardCharsets.UTF_8));
    }
    return Map.copyOf(values);
  }
}
