package dev.ltb.wasm;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.CompiledModule;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import dev.ltb.plugin.Plugin;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The plugin host on Chicory: Extism-compatible, sandboxed, pure Java. Modules are checked against their
 * manifest's SHA-256, parsed and compiled to JVM bytecode once per hash (or taken precompiled from the build),
 * and cached for the process; every call runs under the manifest's limits. Thread-safe; build one per process.
 *
 * <pre>{@code
 * PluginRuntime runtime = ChicoryPluginRuntime.builder().build();
 * Plugin plugin = runtime.load(PluginManifest.parse(manifestJson, "plugin.json"), wasmBytes);
 * Evaluator evaluator = new PluginEvaluator(plugin);
 * }</pre>
 */
public final class ChicoryPluginRuntime implements PluginRuntime {

  /**
   * Pooled instances, put back to their state after instantiation after each call: the semantics of a fresh
   * instance per call, measured 1.5 to 2.4 times faster (PluginBenchmark, docs/plugins.md).
   */
  public static final InstanceReuse DEFAULT_REUSE = InstanceReuse.POOLED;

  public static final int DEFAULT_MAX_POOLED_INSTANCES = 2 * Runtime.getRuntime().availableProcessors();
  public static final int DEFAULT_MAX_CACHED_MODULES = 64;

  private final PluginLogSink logSink;
  private final InstanceReuse reuse;
  private final int maxPooledInstances;
  private final Map<String, PreparedModule> precompiled;
  private final ModuleCache cache;
  private final AtomicLong compilations = new AtomicLong();

  private ChicoryPluginRuntime(Builder builder) {
    this.logSink = builder.logSink;
    this.reuse = builder.reuse;
    this.maxPooledInstances = builder.maxPooledInstances;
    this.precompiled = Map.copyOf(builder.precompiled);
    this.cache = new ModuleCache(builder.maxCachedModules);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Plugin load(PluginManifest manifest, byte[] moduleBytes) {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(moduleBytes, "moduleBytes");
    checkCapabilitiesGrantable(manifest);
    String sha256 = Sha256.hex(moduleBytes);
    if (!sha256.equals(manifest.sha256()))
      throw new PluginException.InvalidManifest(
          "plugin " + manifest.name() + ": the module's SHA-256 is " + sha256 + " but plugin.json says "
              + manifest.sha256() + "; the module changed since its manifest was written: rebuild the plugin "
              + "(its build writes sha256) or load the module the manifest was made for");
    PreparedModule module = cache.get(sha256, () -> prepare(sha256, moduleBytes, manifest.name()));
    ModuleInspector.Inspection inspection = ModuleInspector.inspect(module.module(), manifest);
    return new ChicoryPlugin(manifest, module, inspection, logSink, reuse, maxPooledInstances);
  }

  /**
   * Builds (and drops) one instance of a loaded plugin, as a call with a fresh instance does: what a benchmark of
   * instantiating a cached compiled module measures.
   */
  public static void instantiate(Plugin plugin) {
    if (!(plugin instanceof ChicoryPlugin chicory))
      throw new IllegalArgumentException("not a plugin of this runtime: " + plugin.manifest().name());
    chicory.newInstance();
  }

  /** How many modules this runtime compiled at load (each content hash once while it stays cached). */
  public long compilations() {
    return compilations.get();
  }

  private PreparedModule prepare(String sha256, byte[] bytes, String plugin) {
    PreparedModule aheadOfTime = precompiled.get(sha256);
    if (aheadOfTime != null) return aheadOfTime;
    WasmModule module = ModuleInspector.parse(bytes, plugin);
    compilations.incrementAndGet();
    try {
      Function<Instance, Machine> compiled =
          MachineFactoryCompiler.builder(module)
              .withInterpreterFallback(InterpreterFallback.WARN)
              .compile();
      return new PreparedModule(sha256, module, compiled, false);
    } catch (RuntimeException e) {
      throw new PluginException.InvalidModule(
          "plugin " + plugin + ": the module could not be compiled (" + e.getMessage() + ")", e);
    }
  }

  private static void checkCapabilitiesGrantable(PluginManifest manifest) {
    TreeSet<String> refused = new TreeSet<>(manifest.capabilities());
    refused.removeAll(PluginManifest.GRANTABLE_CAPABILITIES);
    if (!refused.isEmpty())
      throw new PluginException.InvalidManifest(
          "plugin " + manifest.name() + " asks for " + String.join(", ", refused)
              + ", which this host does not grant: v1 grants only "
              + String.join(" and ", new TreeSet<>(PluginManifest.GRANTABLE_CAPABILITIES))
              + " (no filesystem, network, clock or environment)");
  }

  public static final class Builder {
    private PluginLogSink logSink = PluginLogSink.slf4j();
    private InstanceReuse reuse = DEFAULT_REUSE;
    private int maxPooledInstances = DEFAULT_MAX_POOLED_INSTANCES;
    private int maxCachedModules = DEFAULT_MAX_CACHED_MODULES;
    private final Map<String, PreparedModule> precompiled = new HashMap<>();

    private Builder() {}

    public Builder logSink(PluginLogSink logSink) {
      this.logSink = Objects.requireNonNull(logSink, "logSink");
      return this;
    }

    public Builder instanceReuse(InstanceReuse reuse) {
      this.reuse = Objects.requireNonNull(reuse, "reuse");
      return this;
    }

    public Builder maxPooledInstances(int max) {
      if (max < 0) throw new IllegalArgumentException("maxPooledInstances must be >= 0, was " + max);
      this.maxPooledInstances = max;
      return this;
    }

    public Builder maxCachedModules(int max) {
      if (max < 1) throw new IllegalArgumentException("maxCachedModules must be >= 1, was " + max);
      this.maxCachedModules = max;
      return this;
    }

    /**
     * A module compiled at build time by {@code chicory-compiler-maven-plugin} (its generated class's
     * {@code load()} and {@code create}): used instead of parsing and compiling when a module with this hash is
     * loaded. The hash is still checked against the bytes given to {@link #load}.
     */
    public Builder precompiled(String sha256, WasmModule module, Function<Instance, Machine> machineFactory) {
      Objects.requireNonNull(sha256, "sha256");
      precompiled.put(sha256, new PreparedModule(sha256, module, Objects.requireNonNull(machineFactory), true));
      return this;
    }

    /** The same, with the class the compiler plugin generated (it implements {@link CompiledModule}). */
    public Builder precompiled(String sha256, CompiledModule compiled) {
      return precompiled(sha256, compiled.wasmModule(), compiled.machineFactory());
    }

    public ChicoryPluginRuntime build() {
      return new ChicoryPluginRuntime(this);
    }
  }
}
