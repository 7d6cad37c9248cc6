package dev.ltb.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A transform plugin used as a test's {@code transform: plugin:<name>}: rewrites the output under test (and may
 * replace the vars the assertions render their values with) before any assertion runs. A failed call is an
 * error of that item; the run goes on. See docs/plugins.md for the input and output JSON.
 */
public final class PluginTransform {

  private final Plugin plugin;
  private final JsonNode defaultConfig;
  private final PluginConfigCheck configCheck;
  private final String id;

  public PluginTransform(Plugin plugin, JsonNode defaultConfig) {
    this.plugin = Objects.requireNonNull(plugin, "plugin");
    if (plugin.manifest().kind() != PluginKind.TRANSFORM)
      throw PluginInputs.wrongKind(plugin.manifest(), PluginKind.TRANSFORM);
    this.defaultConfig = defaultConfig;
    this.configCheck = new PluginConfigCheck(plugin.manifest());
    this.id = "transform " + plugin.manifest().evaluatorId();
  }

  public PluginManifest manifest() {
    return plugin.manifest();
  }

  /**
   * The context the assertions see: the plugin's output in place of the provider's (the response itself is
   * kept, so finish-reason, cost and latency still judge the call), and its vars when it returned some.
   *
   * @throws EvaluationException when the config is invalid, the call fails or the output is malformed
   */
  public EvaluationContext apply(EvaluationContext context, JsonNode useConfig) {
    JsonNode config = PluginConfigCheck.merge(defaultConfig, useConfig);
    configCheck
        .problem(config)
        .ifPresent(
            problem -> {
              throw new EvaluationException(id + ": config does not match the plugin's configSchema: " + problem);
            });
    JsonNode output;
    try {
      output = plugin.call(input(context, config), config);
    } catch (PluginException e) {
      throw new EvaluationException(id + ": " + e.getMessage(), e);
    }
    return result(context, output);
  }

  /** The transform input of docs/plugins.md. */
  public static ObjectNode input(EvaluationContext context, JsonNode config) {
    return PluginInputs.end(PluginInputs.begin(context, context.vars()), context, config);
  }

  /** Reads {@code {"output": "...", "vars": {...}}} (either may be left out, not both) into a new context. */
  public EvaluationContext result(EvaluationContext context, JsonNode output) {
    if (output == null || !output.isObject())
      throw PluginOutputs.malformed(id, "output must be a JSON object like {\"output\": \"the rewritten text\"}");
    JsonNode text = output.get("output");
    JsonNode vars = output.get("vars");
    if ((text == null || text.isNull()) && (vars == null || vars.isNull()))
      throw PluginOutputs.malformed(id, "a transform returns \"output\" (a string), \"vars\" (an object) or both");
    if (text != null && !text.isNull() && !text.isTextual())
      throw PluginOutputs.malformed(id, "\"output\" must be a string, was " + text.getNodeType().name().toLowerCase());
    if (vars != null && !vars.isNull() && !vars.isObject())
      throw PluginOutputs.malformed(id, "\"vars\" must be an object, was " + vars.getNodeType().name().toLowerCase());
    String newOutput = text == null || text.isNull() ? context.output() : text.textValue();
    Map<String, Object> newVars = vars == null || vars.isNull() ? context.vars() : toMap((ObjectNode) vars);
    return new EvaluationContext(
        newOutput, context.response(), context.prompt(), newVars, context.test(), context.provider());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(ObjectNode vars) {
    return Json.mapper().convertValue(vars, LinkedHashMap.class);
  }
}
