package dev.ltb.wasm;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginManifest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One instantiated module with its own kernel; used by one call at a time. A pooled one keeps a snapshot of its
 * state after instantiation and is put back to it after every call ({@link #reset}).
 */
final class PluginInstance {

  private final PluginManifest manifest;
  private final ExtismKernel kernel;
  private final Instance instance;
  private final ExportFunction entry;
  private final int initialPages;
  private final InstanceSnapshot snapshot;

  PluginInstance(
      PluginManifest manifest,
      PreparedModule module,
      ModuleInspector.Inspection inspection,
      PluginLogSink logSink,
      boolean resettable) {
    this.manifest = manifest;
    this.kernel = new ExtismKernel(manifest, logSink);
    Instance.Builder builder =
        Instance.builder(module.module())
            .withImportValues(ImportValues.builder().withFunctions(kernel.hostFunctions(inspection.imports())).build())
            .withMachineFactory(module.machineFactory())
            .withMemoryFactory(ByteArrayMemory::new);
    if (inspection.memoryLimits() != null) builder.withMemoryLimits(inspection.memoryLimits());
    this.instance = builder.build();
    if (inspection.hasInitialize()) instance.export("_initialize").apply();
    this.entry = instance.export(manifest.kind().export());
    this.initialPages = memoryPages();
    this.snapshot = resettable ? InstanceSnapshot.of(instance) : null;
  }

  /**
   * Puts memory, globals and tables back to what they were after instantiation, so the next call starts as in a
   * fresh instance. False when that is not possible (not resettable, or its memory grew): discard it.
   */
  boolean reset() {
    return snapshot != null && snapshot.restore(instance);
  }

  /** Runs the entry point on one input; the output bytes, or the failure the plugin reported. */
  byte[] call(byte[] input, Map<String, byte[]> config) {
    kernel.begin(input, config);
    long[] results = entry.apply();
    int code = (int) results[0];
    if (code != 0) {
      String error = kernel.error() != null ? kernel.error() : errorFromOutput();
      throw new PluginException.PluginError(
          "plugin " + manifest.name() + " failed (code " + code + ")" + (error == null ? "" : ": " + error));
    }
    byte[] output = kernel.output();
    if (output == null)
      throw new PluginException.MalformedOutput(
          "plugin " + manifest.name() + " returned no output: its " + manifest.kind().export()
              + " function must set one (output_set, or the PDK's output function)",
          null);
    return output;
  }

  /** Pages of linear memory in use, to tell a memory exhaustion from another trap. */
  int memoryPages() {
    return instance.memory() == null ? 0 : instance.memory().pages();
  }

  /** True when this instance runs on Chicory's interpreter instead of compiled bytecode. */
  boolean interpreted() {
    return instance.getMachine() instanceof com.dylibso.chicory.runtime.InterpreterMachine;
  }

  int maximumMemoryPages() {
    return instance.memory() == null ? Integer.MAX_VALUE : instance.memory().maximumPages();
  }

  /** True when the memory grew to its limit: a trap then most likely means the plugin ran out of memory. */
  boolean grewToItsLimit() {
    return memoryPages() > initialPages && memoryPages() >= maximumMemoryPages();
  }

  private String errorFromOutput() {
    byte[] output = kernel.output();
    return output == null || output.length == 0 ? null : new String(output, StandardCharsets.UTF_8);
  }
}
