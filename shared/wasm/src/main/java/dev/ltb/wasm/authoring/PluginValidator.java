package dev.ltb.wasm.authoring;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.plugin.Plugin;
import dev.ltb.plugin.PluginEvaluator;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginKind;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.suite.Assertion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a built plugin the way a run would use it ({@code ltb plugin validate <module>}): the manifest reads,
 * the module matches its hash, imports only what the sandbox grants and exports its entry point, and a smoke
 * call under the manifest's limits returns a well-formed result.
 */
public final class PluginValidator {

  static final String SMOKE_OUTPUT = "The capital of France is Paris.";

  private final PluginRuntime runtime;

  public PluginValidator(PluginRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Validates a plugin directory (holding {@code plugin.json} and its module), a {@code plugin.json}, or a
   * {@code .wasm} whose {@code plugin.json} is beside it.
   */
  public PluginValidation validate(Path path) {
    Path manifestFile =
        Files.isDirectory(path)
            ? path.resolve("plugin.json")
            : path.getFileName().toString().endsWith(".json") ? path : path.resolveSibling("plugin.json");
    List<PluginValidation.Check> checks = new ArrayList<>();
    PluginManifest manifest;
    try {
      manifest = PluginManifest.parse(Files.readString(manifestFile), manifestFile.toString());
      checks.add(new PluginValidation.Check("manifest", true, manifest.name() + " " + manifest.version() + ", " + manifest.kind().id()));
    } catch (IOException | PluginException e) {
      checks.add(new PluginValidation.Check("manifest", false, e.getMessage()));
      return new PluginValidation(checks);
    }
    Path moduleFile = manifestFile.resolveSibling(manifest.module());
    try {
      return validate(manifest, Files.readAllBytes(moduleFile), checks);
    } catch (IOException e) {
      checks.add(new PluginValidation.Check("module", false, "cannot read " + moduleFile + ": " + e.getMessage()));
      return new PluginValidation(checks);
    }
  }

  public PluginValidation validate(PluginManifest manifest, byte[] module) {
    List<PluginValidation.Check> checks = new ArrayList<>();
    checks.add(new PluginValidation.Check("manifest", true, manifest.name() + " " + manifest.version() + ", " + manifest.kind().id()));
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

  private static PluginValidation.Check smokeCall(Plugin plugin) {
    if (plugin.manifest().kind() != PluginKind.EVALUATOR)
      return new PluginValidation.Check("smoke call", true, "skipped: only evaluators have a smoke input yet");
    Assertion assertion =
        new Assertion(
            plugin.manifest().evaluatorId(), false, TextNode.valueOf("Paris"), null, 1, null,
            JsonNodeFactory.instance.objectNode());
    try {
      EvaluationResult result = new PluginEvaluator(plugin).evaluate(assertion, EvaluationContext.ofOutput(SMOKE_OUTPUT));
      return new PluginValidation.Check(
          "smoke call", true, (result.pass() ? "pass" : "fail") + ", score " + result.score() + ": " + result.reason());
    } catch (EvaluationException e) {
      boolean pluginsOwnError = e.getCause() instanceof PluginException.PluginError;
      return new PluginValidation.Check(
          "smoke call",
          pluginsOwnError,
          pluginsOwnError ? "the plugin reported an error on the smoke input: " + e.getMessage() : e.getMessage());
    }
  }
}
