package dev.ltb.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.Objects;

/**
 * An evaluator plugin used as {@code type: plugin:<name>}: builds the plugin's input from the output under
 * test, calls it in its sandbox and reads its verdict. A failed call fails the assertion with the plugin's
 * error; the run goes on. See docs/plugins.md for the input and output JSON.
 */
public final class PluginEvaluator implements Evaluator {

  private final Plugin plugin;
  private final JsonNode defaultConfig;
  private final EvaluatorDescriptor descriptor;
  private final PluginConfigCheck configCheck;

  public PluginEvaluator(Plugin plugin) {
    this(plugin, null);
  }

  /**
   * @param defaultConfig the suite's {@code config} for the plugin, under each assertion's own; may be null
   */
  public PluginEvaluator(Plugin plugin, JsonNode defaultConfig) {
    this.plugin = Objects.requireNonNull(plugin, "plugin");
    this.defaultConfig = defaultConfig;
    PluginManifest manifest = plugin.manifest();
    if (manifest.kind() != PluginKind.EVALUATOR) throw PluginInputs.wrongKind(manifest, PluginKind.EVALUATOR);
    this.descriptor =
        new EvaluatorDescriptor(
            manifest.evaluatorId(),
            versionOf(manifest),
            Objects.requireNonNullElse(manifest.description(), "WebAssembly evaluator plugin " + manifest.name()),
            "any JSON value, passed to the plugin as expected",
            false,
            null,
            false);
    this.configCheck = new PluginConfigCheck(manifest);
  }

  /** What a stored run records for a plugin: its version and the start of its module's hash. */
  public static String versionOf(PluginManifest manifest) {
    return manifest.version() + " (sha256 " + manifest.sha256().substring(0, 12) + ")";
  }

  @Override
  public EvaluatorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    JsonNode config = PluginConfigCheck.merge(defaultConfig, assertion.config());
    configCheck
        .problem(config)
        .ifPresent(
            problem -> {
              throw new EvaluationException(
                  descriptor.id() + ": config does not match the plugin's configSchema: " + problem);
            });
    JsonNode output;
    try {
      output = plugin.call(input(assertion, context, config), config);
    } catch (PluginException e) {
      throw new EvaluationException(descriptor.id() + ": " + e.getMessage(), e);
    }
    return result(output);
  }

  /** The plugin's input for one assertion (the evaluator input of docs/plugins.md). */
  public static ObjectNode input(Assertion assertion, EvaluationContext context, JsonNode config) {
    ObjectNode input = PluginInputs.begin(context, context.vars());
    input.set("expected", assertion.value() == null ? PluginInputs.NODES.nullNode() : assertion.value());
    if (assertion.threshold() == null) input.putNull("threshold");
    else input.put("threshold", assertion.threshold());
    return PluginInputs.end(input, context, config);
  }

  /**
   * Reads the plugin's verdict, naming the plugin and the field when it is not the documented shape.
   *
   * @throws EvaluationException when the output is not an evaluator's output
   */
  public EvaluationResult result(JsonNode output) {
    return PluginOutputs.verdict(descriptor.id(), output);
  }
}
