package dev.ltb.wasm.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.json.Json;
import dev.ltb.plugin.Plugin;
import dev.ltb.plugin.PluginEvaluator;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginFiles;
import dev.ltb.plugin.PluginPackage;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.plugin.PluginScorer;
import dev.ltb.plugin.PluginTransform;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Calls a built plugin once, out of any run ({@code ltb plugin test <plugin> --input ...}), under its
 * manifest's limits, and says what its output means for its kind.
 */
public final class PluginTester {

  private final PluginRuntime runtime;

  public PluginTester(PluginRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Loads the plugin at {@code path} (folder, plugin.json or .wasm) and calls it.
   *
   * @param input fields of the input to use instead of the sample's (docs/plugins.md lists them); may be null
   * @throws PluginException when the plugin cannot be found or loaded
   */
  public PluginTrial test(Path path, JsonNode input) {
    PluginPackage found = PluginFiles.read(path);
    return call(runtime.load(found.manifest(), found.module()), input);
  }

  /**
   * Calls a loaded plugin with its kind's sample input, the given fields replacing the sample's. The input's
   * {@code config} is also what {@code config_get} reads.
   */
  public static PluginTrial call(Plugin plugin, JsonNode fields) {
    ObjectNode input = PluginSamples.input(plugin.manifest().kind());
    if (fields != null && fields.isObject()) input.setAll((ObjectNode) fields.deepCopy());
    JsonNode config = input.path("config").isObject() ? input.get("config") : JsonNodeFactory.instance.objectNode();
    JsonNode output;
    try {
      output = plugin.call(input, config);
    } catch (PluginException.PluginError e) {
      return new PluginTrial(input, null, PluginTrial.Outcome.PLUGIN_ERROR, e.getMessage(), false);
    } catch (PluginException e) {
      return new PluginTrial(input, null, PluginTrial.Outcome.FAILED, e.getMessage(), false);
    }
    try {
      return switch (plugin.manifest().kind()) {
        case EVALUATOR -> {
          EvaluationResult result = new PluginEvaluator(plugin).result(output);
          yield called(input, output, verdict(result.pass(), result.score(), result.reason()), result.pass());
        }
        case TRANSFORM -> {
          EvaluationContext context = contextOf(input);
          EvaluationContext seen = new PluginTransform(plugin, null).result(context, output);
          String verdict = "output " + Json.write(seen.output());
          if (!seen.vars().equals(context.vars())) verdict += ", vars " + Json.write(seen.vars());
          yield called(input, output, verdict, true);
        }
        case SCORER -> {
          TestOutcome scored = new PluginScorer(plugin, null).result(PluginSamples.outcome(), output);
          yield called(input, output, verdict(scored.pass(), scored.score(), scored.reason()), scored.pass());
        }
      };
    } catch (EvaluationException e) {
      return new PluginTrial(input, output, PluginTrial.Outcome.FAILED, e.getMessage(), false);
    }
  }

  private static PluginTrial called(JsonNode input, JsonNode output, String verdict, boolean passed) {
    return new PluginTrial(input, output, PluginTrial.Outcome.CALLED, verdict, passed);
  }

  @SuppressWarnings("unchecked")
  private static EvaluationContext contextOf(ObjectNode input) {
    EvaluationContext sample = PluginSamples.context();
    Map<String, Object> vars =
        input.path("vars").isObject() ? Json.mapper().convertValue(input.get("vars"), LinkedHashMap.class) : Map.of();
    return new EvaluationContext(
        input.path("output").asText(sample.output()), sample.response(), input.path("prompt").asText(""), vars, null, null);
  }

  private static String verdict(boolean pass, double score, String reason) {
    return String.format(Locale.ROOT, "%s, score %s: %s", pass ? "pass" : "fail", score, reason);
  }
}
