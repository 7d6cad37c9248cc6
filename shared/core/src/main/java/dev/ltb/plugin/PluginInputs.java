package dev.ltb.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.json.Json;
import java.util.Map;

/** The parts every plugin kind's input shares (docs/plugins.md): the output under test and where it came from. */
final class PluginInputs {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PluginInputs() {}

  /** A new input beginning with {@code output}, {@code prompt} and {@code vars}, the order the ABI promises. */
  static ObjectNode begin(EvaluationContext context, Map<String, Object> vars) {
    ObjectNode input = NODES.objectNode();
    input.put("output", context.output());
    input.put("prompt", context.prompt());
    input.set("vars", Json.mapper().valueToTree(vars));
    return input;
  }

  /** Adds {@code config}, {@code test} and {@code provider}, the fields that end every input. */
  static ObjectNode end(ObjectNode input, EvaluationContext context, JsonNode config) {
    input.set("config", config);
    ObjectNode test = input.putObject("test");
    if (context.test() != null) {
      test.put("description", context.test().description());
      test.set("metadata", Json.mapper().valueToTree(context.test().metadata()));
    } else {
      test.putNull("description");
      test.putObject("metadata");
    }
    if (context.provider() != null) {
      input.putObject("provider").put("id", context.provider().id()).put("label", context.provider().label());
    } else {
      input.putNull("provider");
    }
    return input;
  }

  /** The id of a plugin of another kind than needed, explained. */
  static IllegalArgumentException wrongKind(PluginManifest manifest, PluginKind needed) {
    return new IllegalArgumentException(
        "plugin " + manifest.name() + " is a" + (manifest.kind() == PluginKind.EVALUATOR ? "n " : " ")
            + manifest.kind().id() + ", not a" + (needed == PluginKind.EVALUATOR ? "n " : " ") + needed.id()
            + " (its plugin.json says \"kind\": \"" + manifest.kind().id() + "\")");
  }
}
