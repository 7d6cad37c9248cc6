package dev.ltb.wasm.authoring;

import dev.ltb.plugin.Plugin;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginFiles;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a built plugin the way a run would use it ({@code ltb plugin validate <module>}): the manifest reads,
 * the module matches its hash, imports only what the sandbox grants and exports its entry point, and a smoke
 * call with its kind's sample input ({@link PluginSamples}) under the manifest's limits returns output of the
 * documented shape.
 */
public final class PluginValidator {

  private final PluginRuntime runtime;

  public PluginValidator(PluginRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Validates a plugin folder (its {@code dist/plugin.json} or {@code plugin.json}), a {@code plugin.json}, or a
   * {@code .wasm} whose {@code plugin.json} is beside it.
   */
  public PluginValidation validate(Path path) {
    List<PluginValidation.Check> checks = new ArrayList<>();
    PluginManifest manifest;
    Path manifestFile;
    try {
      manifestFile = PluginFiles.manifestFile(path);
      manifest = PluginManifest.parse(Files.readString(manifestFile), manifestFile.toString());
      checks.add(manifestCheck(manifest));
    } catch (IOException | PluginException e) {
      checks.add(new PluginValidation.Check("manifest", false, e.getMessage()));
      return new PluginValidation(checks);
    }
    Path moduleFile = manifestFile.resolveSibling(manifest.module());
    try {
      return validate(manifest, Files.readAllBytes(moduleFile), checks);
    } catch (NoSuchFileException e) {
      checks.add(new PluginValidation.Check("module", false, "no module " + moduleFile + ": build the plugin first"));
    } catch (IOException e) {
      checks.add(new PluginValidation.Check("module", false, "cannot read " + moduleFile + ": " + e.getMessage()));
    }
    return new PluginValidation(checks);
  }

  public PluginValidation validate(PluginManifest manifest, byte[] module) {
    List<PluginValidation.Check> checks = new ArrayList<>();
    checks.add(manifestCheck(manifest));
    return validate(manifest, module, checks);
  }

  private PluginValidation validate(PluginManifest manifest, byte[] module, List<PluginValidation.Check> checks) {
    Plugin plugin;
    try {
      plugin = runtime.load(manifest, module);
      checks.add(
          new PluginValidation.Check(
              "module", true, module.length + " bytes, sha256 matches, imports and exports fit the sandbox"));
    } catch (PluginException e) {
      checks.add(new PluginValidation.Check("module", false, e.getMessage()));
      return new PluginValidation(checks);
    }
    checks.add(smokeCall(plugin));
    return new PluginValidation(checks);
  }

  private static PluginValidation.Check manifestCheck(PluginManifest manifest) {
    return new PluginValidation.Check(
        "manifest", true, manifest.name() + " " + manifest.version() + ", " + manifest.kind().id());
  }

  private static PluginValidation.Check smokeCall(Plugin plugin) {
    PluginTrial trial = PluginTester.call(plugin, null);
    return switch (trial.outcome()) {
      case CALLED -> new PluginValidation.Check("smoke call", true, trial.verdict());
      case PLUGIN_ERROR ->
          new PluginValidation.Check(
              "smoke call", true, "the plugin reported an error on the smoke input: " + trial.verdict());
      case FAILED -> new PluginValidation.Check("smoke call", false, trial.verdict());
    };
  }
}
