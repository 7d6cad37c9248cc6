package dev.ltb.wasm;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a module against the sandbox and its manifest before anything of it runs: only Extism imports of
 * granted, declared capabilities; the export of the manifest's kind; memory within the limit.
 */
final class ModuleInspector {

  static final FunctionType ENTRY_TYPE = FunctionType.of(List.of(), List.of(ValType.I32));

  private ModuleInspector() {}

  /** What a checked module needs at instantiation. */
  record Inspection(List<ExtismKernel.HostImport> imports, MemoryLimits memoryLimits, boolean hasInitialize) {}

  static WasmModule parse(byte[] bytes, String plugin) {
    try {
      return Parser.parse(bytes);
    } catch (ChicoryException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new PluginException.InvalidModule(
          "plugin " + plugin + ": the module is not valid WebAssembly (" + e.getMessage()
              + "); check that plugin.json points at the .wasm your build produced",
          e);
    }
  }

  static Inspection inspect(WasmModule module, PluginManifest manifest) {
    List<ExtismKernel.HostImport> imports = new ArrayList<>();
    for (int i = 0; i < module.importSection().importCount(); i++) {
      imports.add(checkImport(module, module.importSection().getImport(i), manifest));
    }
    checkEntry(module, manifest);
    return new Inspection(imports, memoryLimits(module, manifest), exportedFunction(module, "_initialize").isPresent());
  }

  private static ExtismKernel.HostImport checkImport(WasmModule module, Import imported, PluginManifest manifest) {
    String plugin = manifest.name();
    String qualified = imported.module() + "." + imported.name();
    if (imported.module().startsWith("wasi"))
      throw new PluginException.InvalidModule(
          "plugin " + plugin + " imports " + qualified + ", but the sandbox provides no WASI (no filesystem, "
              + "network, clock or environment): build the module without WASI (see docs/plugins.md)",
          null);
    if (imported.importType() != ExternalType.FUNCTION)
      throw new PluginException.InvalidModule(
          "plugin " + plugin + " imports " + imported.importType().name().toLowerCase() + " " + qualified
              + "; the host provides functions only",
          null);
    if (imported.module().equals(ExtismKernel.ENV) && ExtismKernel.UNGRANTED_IMPORTS.containsKey(imported.name()))
      throw new PluginException.InvalidModule(
          "plugin " + plugin + " imports " + qualified + ", which needs capability '"
              + ExtismKernel.UNGRANTED_IMPORTS.get(imported.name()) + "'; this host grants only "
              + String.join(" and ", new java.util.TreeSet<>(PluginManifest.GRANTABLE_CAPABILITIES)),
          null);
    ExtismKernel.HostImport hostImport =
        ExtismKernel.find(imported.module(), imported.name())
            .orElseThrow(
                () -> new PluginException.InvalidModule(
                    "plugin " + plugin + " imports " + qualified + ", which this host does not provide "
                        + "(it provides the Extism kernel of extism:host/env; see docs/plugins.md)",
                    null));
    FunctionType declared = module.typeSection().getType(((FunctionImport) imported).typeIndex());
    if (!declared.equals(hostImport.type()))
      throw new PluginException.InvalidModule(
          "plugin " + plugin + " imports " + qualified + " as " + declared + ", but it is " + hostImport.type(),
          null);
    if (hostImport.capability() != null && !manifest.capabilities().contains(hostImport.capability()))
      throw new PluginException.InvalidManifest(
          "plugin " + plugin + " imports " + qualified + ", which needs capability '" + hostImport.capability()
              + "': add \"" + hostImport.capability() + "\" to capabilities in plugin.json");
    return hostImport;
  }

  private static void checkEntry(WasmModule module, PluginManifest manifest) {
    String export = manifest.kind().export();
    Optional<FunctionType> type = exportedFunction(module, export);
    if (type.isEmpty())
      throw new PluginException.MissingExport(
          "plugin " + manifest.name() + " does not export function '" + export + "', which every "
              + manifest.kind().id() + " plugin must (its exports: " + exportNames(module) + ")");
    if (!type.get().equals(ENTRY_TYPE))
      throw new PluginException.MissingExport(
          "plugin " + manifest.name() + " exports '" + export + "' as " + type.get()
              + ", but an Extism entry point takes nothing and returns an i32 (0 for success)");
  }

  private static MemoryLimits memoryLimits(WasmModule module, PluginManifest manifest) {
    if (module.memorySection().isEmpty() || module.memorySection().get().memoryCount() == 0) return null;
    MemoryLimits declared = module.memorySection().get().getMemory(0).limits();
    int limit = manifest.limits().memoryPages();
    if (declared.initialPages() > limit)
      throw new PluginException.MemoryLimit(
          "plugin " + manifest.name() + " starts with " + declared.initialPages() + " pages of memory, more than its "
              + "limit of " + limit + " pages (limits.memoryPages in plugin.json)");
    return new MemoryLimits(declared.initialPages(), Math.min(limit, declared.maximumPages()));
  }

  static Optional<FunctionType> exportedFunction(WasmModule module, String name) {
    var exports = module.exportSection();
    for (int i = 0; i < exports.exportCount(); i++) {
      Export export = exports.getExport(i);
      if (export.name().equals(name) && export.exportType() == ExternalType.FUNCTION) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        int index = export.index();
        int typeIndex =
            index < imported
                ? ((FunctionImport) functionImport(module, index)).typeIndex()
                : module.functionSection().getFunctionType(index - imported);
        return Optional.of(module.typeSection().getType(typeIndex));
      }
    }
    return Optional.empty();
  }

  private static Import functionImport(WasmModule module, int functionIndex) {
    return module.importSection().stream()
        .filter(i -> i.importType() == ExternalType.FUNCTION)
        .skip(functionIndex)
        .findFirst()
        .orElseThrow();
  }

  private static String exportNames(WasmModule module) {
    var exports = module.exportSection();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < exports.exportCount(); i++) names.add(exports.getExport(i).name());
    return names.isEmpty() ? "none" : String.join(", ", names);
  }
}
