package dev.ltb.wasm;

import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginManifest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Extism kernel and host functions, implemented in Java over {@link KernelMemory}: what a module built
 * with any Extism PDK imports from {@code extism:host/env}. One per plugin instance; {@link #begin} starts a
 * call with its input and config, {@link #output()} and {@link #error()} read what the plugin set.
 *
 * <p>Only the functions of the capabilities a v1 host grants exist here: memory and I/O (always), vars
 * (scratch space that lives for one call), {@code config_get} ({@code config}) and the log functions
 * ({@code log}). HTTP and WASI are absent, so a module that imports them is refused at load.
 */
final class ExtismKernel {

  static final String ENV = "extism:host/env";
  /** AssemblyScript's abort, which the AssemblyScript PDK routes here unless the build maps it elsewhere. */
  static final String AS_ENV = "env";

  private static final int MAX_LOG_LINES_PER_CALL = 100;
  private static final int MAX_LOG_LINE_CHARS = 2_000;
  private static final int LOG_LEVEL_INFO = 2; // Extism numbers levels trace=0 ... error=4

  /** One host import: its type and the capability a manifest must declare to use it (null: always there). */
  record HostImport(String module, String name, FunctionType type, String capability) {}

  static final List<HostImport> IMPORTS =
      List.of(
          env("alloc", List.of(I64), List.of(I64), null),
          env("free", List.of(I64), List.of(), null),
          env("length", List.of(I64), List.of(I64), null),
          env("length_unsafe", List.of(I64), List.of(I64), null),
          env("load_u8", List.of(I64), List.of(I32), null),
          env("load_u64", List.of(I64), List.of(I64), null),
          env("store_u8", List.of(I64, I32), List.of(), null),
          env("store_u64", List.of(I64, I64), List.of(), null),
          env("input_length", List.of(), List.of(I64), null),
          env("input_offset", List.of(), List.of(I64), null),
          env("input_load_u8", List.of(I64), List.of(I32), null),
          env("input_load_u64", List.of(I64), List.of(I64), null),
          env("output_set", List.of(I64, I64), List.of(), null),
          env("error_set", List.of(I64), List.of(), null),
          env("reset", List.of(), List.of(), null),
          env("var_get", List.of(I64), List.of(I64), null),
          env("var_set", List.of(I64, I64), List.of(), null),
          env("config_get", List.of(I64), List.of(I64), "config"),
          env("get_log_level", List.of(), List.of(I32), "log"),
          env("log_trace", List.of(I64), List.of(), "log"),
          env("log_debug", List.of(I64), List.of(), "log"),
          env("log_info", List.of(I64), List.of(), "log"),
          env("log_warn", List.of(I64), List.of(), "log"),
          env("log_error", List.of(I64), List.of(), "log"),
          new HostImport(AS_ENV, "abort", FunctionType.of(List.of(I32, I32, I32, I32), List.of()), null));

  /** Extism imports that exist in other hosts but need a capability v1 never grants. */
  static final Map<String, String> UNGRANTED_IMPORTS =
      Map.of("http_request", "http", "http_status_code", "http", "http_headers", "http");

  private final String plugin;
  private final PluginLogSink logSink;
  private final KernelMemory memory;
  private final int maxOutputBytes;
  private final Map<String, byte[]> vars = new HashMap<>();
  private Map<String, byte[]> config = Map.of();
  private byte[] input = new byte[0];
  private long inputOffset;
  private byte[] output;
  private String error;
  private long varBytes;
  private int logLines;

  ExtismKernel(PluginManifest manifest, PluginLogSink logSink) {
    this.plugin = manifest.name();
    this.logSink = logSink;
    this.memory = new KernelMemory(manifest.name(), manifest.limits().memoryBytes());
    this.maxOutputBytes = manifest.limits().maxOutputBytes();
  }

  static Optional<HostImport> find(String module, String name) {
    return IMPORTS.stream().filter(i -> i.module().equals(module) && i.name().equals(name)).findFirst();
  }

  void begin(byte[] callInput, Map<String, byte[]> callConfig) {
    memory.reset();
    vars.clear();
    varBytes = 0;
    logLines = 0;
    output = null;
    error = null;
    input = callInput;
    config = callConfig;
    inputOffset = memory.allocAndWrite(callInput);
  }

  /** The output the plugin set, or null when it set none. */
  byte[] output() {
    return output;
  }

  /** The error message the plugin set, or null. */
  String error() {
    return error;
  }

  /** Host functions for the given imports (all known: {@link ModuleInspector} checked them). */
  List<ImportFunction> hostFunctions(List<HostImport> needed) {
    return needed.stream().<ImportFunction>map(i -> new HostFunction(i.module(), i.name(), i.type(), handle(i.name()))).toList();
  }

  private com.dylibso.chicory.runtime.WasmFunctionHandle handle(String name) {
    return switch (name) {
      case "alloc" -> (instance, args) -> new long[] {memory.alloc(args[0])};
      case "free" -> (instance, args) -> {
        memory.free(args[0]);
        return null;
      };
      case "length", "length_unsafe" -> (instance, args) -> new long[] {memory.length(args[0])};
      case "load_u8" -> (instance, args) -> new long[] {memory.loadU8(args[0])};
      case "load_u64" -> (instance, args) -> new long[] {memory.loadU64(args[0])};
      case "store_u8" -> (instance, args) -> {
        memory.storeU8(args[0], (int) args[1]);
        return null;
      };
      case "store_u64" -> (instance, args) -> {
        memory.storeU64(args[0], args[1]);
        return null;
      };
      case "input_length" -> (instance, args) -> new long[] {input.length};
      case "input_offset" -> (instance, args) -> new long[] {inputOffset};
      case "input_load_u8" -> (instance, args) -> new long[] {memory.loadU8(inputOffset + args[0])};
      case "input_load_u64" -> (instance, args) -> new long[] {memory.loadU64(inputOffset + args[0])};
      case "output_set" -> (instance, args) -> {
        outputSet(args[0], args[1]);
        return null;
      };
      case "error_set" -> (instance, args) -> {
        error = args[0] == 0 ? null : utf8(memory.readBlock(args[0]));
        return null;
      };
      case "reset" -> (instance, args) -> {
        begin(input, config);
        return null;
      };
      case "var_get" -> (instance, args) -> new long[] {varGet(args[0])};
      case "var_set" -> (instance, args) -> {
        varSet(args[0], args[1]);
        return null;
      };
      case "config_get" -> (instance, args) -> new long[] {configGet(args[0])};
      case "get_log_level" -> (instance, args) -> new long[] {LOG_LEVEL_INFO};
      case "log_trace" -> logAt(PluginLogSink.Level.TRACE);
      case "log_debug" -> logAt(PluginLogSink.Level.DEBUG);
      case "log_info" -> logAt(PluginLogSink.Level.INFO);
      case "log_warn" -> logAt(PluginLogSink.Level.WARN);
      case "log_error" -> logAt(PluginLogSink.Level.ERROR);
      case "abort" -> (instance, args) -> {
        throw new PluginException.Trap(
            "plugin " + plugin + " aborted: " + assemblyScriptString(instance, (int) args[0]), null);
      };
      default -> throw new IllegalStateException("no host function " + name);
    };
  }

  private void outputSet(long offset, long length) {
    if (length > maxOutputBytes)
      throw new PluginException.OutputTooLarge(
          "plugin " + plugin + " returned " + length + " bytes of output, over its limit of " + maxOutputBytes
              + " bytes (limits.maxOutputBytes in plugin.json)");
    output = memory.read(offset, length);
  }

  private long varGet(long keyOffset) {
    byte[] value = vars.get(utf8(memory.readBlock(keyOffset)));
    return value == null ? 0 : memory.allocAndWrite(value);
  }

  private void varSet(long keyOffset, long valueOffset) {
    String key = utf8(memory.readBlock(keyOffset));
    byte[] old = valueOffset == 0 ? vars.remove(key) : vars.put(key, memory.readBlock(valueOffset));
    if (old != null) varBytes -= old.length;
    if (valueOffset != 0) varBytes += memory.length(valueOffset);
    if (varBytes > memory.limit())
      throw new PluginException.MemoryLimit(
          "plugin " + plugin + " stored more than " + memory.limit() + " bytes in vars");
  }

  private long configGet(long keyOffset) {
    byte[] value = config.get(utf8(memory.readBlock(keyOffset)));
    return value == null ? 0 : memory.allocAndWrite(value);
  }

  private com.dylibso.chicory.runtime.WasmFunctionHandle logAt(PluginLogSink.Level level) {
    return (instance, args) -> {
      if (++logLines <= MAX_LOG_LINES_PER_CALL) {
        String message = utf8(memory.readBlock(args[0]));
        if (message.length() > MAX_LOG_LINE_CHARS) message = message.substring(0, MAX_LOG_LINE_CHARS) + "...";
        logSink.log(plugin, level, message);
      } else if (logLines == MAX_LOG_LINES_PER_CALL + 1) {
        logSink.log(plugin, PluginLogSink.Level.WARN, "more than " + MAX_LOG_LINES_PER_CALL + " log lines in one call; the rest are dropped");
      }
      return null;
    };
  }

  /** AssemblyScript strings are UTF-16 with their byte length in the 4 bytes before them. */
  private static String assemblyScriptString(Instance instance, int pointer) {
    try {
      Memory wasmMemory = instance.memory();
      if (pointer < 4 || wasmMemory == null) return "(no message)";
      int bytes = Math.min(wasmMemory.readInt(pointer - 4), 1_000);
      if (bytes < 0) return "(no message)";
      return new String(wasmMemory.readBytes(pointer, bytes), StandardCharsets.UTF_16LE);
    } catch (RuntimeException unreadable) {
      return "(message unreadable)";
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static HostImport env(String name, List<ValType> params, List<ValType> results, String capability) {
    return new HostImport(ENV, name, FunctionType.of(params, results), capability);
  }
}
