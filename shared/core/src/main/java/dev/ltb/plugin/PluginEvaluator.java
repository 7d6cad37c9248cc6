package dev.ltb.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.json.Json;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.Assertion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An evaluator plugin used as {@code type: plugin:<name>}: builds the plugin's input from the output under
 * test, calls it in its sandbox and reads its verdict. A failed call fails the assertion with the plugin's
 * error; the run goes on. See docs/plugins.md for the input and output JSON.
 */
public final class PluginEvaluator implements Evaluator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final Plugin plugin;
  private final EvaluatorDescriptor descriptor;
  private final Schema configSchema;

  public PluginEvaluator(Plugin plugin) {
    this.plugin = Objects.requireNonNull(plugin, "plugin");
    PluginManifest manifest = plugin.manifest();
    if (manifest.kind() != PluginKind.EVALUATOR)
      throw new IllegalArgumentException(
          "plugin " + manifest.name() + " is a " + manifest.kind().id() + ", not an evaluator");
    this.descriptor =
        new EvaluatorDescriptor(
            manifest.evaluatorId(),
            manifest.version(),
            Objects.requireNonNullElse(manifest.description(), "WebAssembly evaluator plugin " + manifest.name()),
            "any JSON value, passed to the plugin as expected",
            false,
            null,
            false);
    this.configSchema = manifest.configSchema() == null ? null : compileSchema(manifest);
  }

  @Override
  public EvaluatorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    JsonNode config = assertion.config() == null || assertion.config().isNull() ? NODES.objectNode() : assertion.config();
    checkConfig(config);
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
    ObjectNode input = NODES.objectNode();
    input.put("output", context.output());
    input.put("prompt", context.prompt());
    input.set("vars", Json.mapper().valueToTree(context.vars()));
    input.set("expected", assertion.value() == null ? NODES.nullNode() : assertion.value());
    if (assertion.threshold() == null) input.putNull("threshold");
    else input.put("threshold", assertion.threshold());
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

  /** Reads the plugin's verdict, naming the plugin and the field when it is not the documented shape. */
  EvaluationResult result(JsonNode output) {
    if (output == null || !output.isObject())
      throw malformed("output must be a JSON object like {\"pass\": true, \"score\": 1, \"reason\": \"...\"}");
    JsonNode pass = output.get("pass");
    if (pass == null || !pass.isBoolean()) throw malformed("\"pass\" must be true or false");
    JsonNode scoreNode = output.get("score");
    double score;
    if (scoreNode == null || scoreNode.isNull()) {
      score = pass.booleanValue() ? 1 : 0;
    } else if (scoreNode.isNumber() && scoreNode.doubleValue() >= 0 && scoreNode.doubleValue() <= 1) {
      score = scoreNode.doubleValue();
    } else {
      throw malformed("\"score\" must be a number within [0, 1], was " + scoreNode);
    }
    JsonNode reasonNode = output.get("reason");
    String reason;
    if (reasonNode == null || reasonNode.isNull()) {
      reason = descriptor.id() + " returned " + (pass.booleanValue() ? "pass" : "fail");
    } else if (reasonNode.isTextual()) {
      reason = reasonNode.textValue();
    } else {
      throw malformed("\"reason\" must be a string");
    }
    return new EvaluationResult(pass.booleanValue(), score, reason, namedScores(output.get("namedScores")), TokenUsage.NONE);
  }

  private Map<String, Double> namedScores(JsonNode node) {
    if (node == null || node.isNull()) return Map.of();
    if (!node.isObject()) throw malformed("\"namedScores\" must be an object of numbers");
    Map<String, Double> scores = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isNumber())
        throw malformed("\"namedScores\"." + entry.getKey() + " must be a number, was " + entry.getValue());
      scores.put(entry.getKey(), entry.getValue().doubleValue());
    }
    return scores;
  }

  private void checkConfig(JsonNode config) {
    if (configSchema == null) return;
    List<Error> errors = configSchema.validate(Json.write(config), InputFormat.JSON);
    if (!errors.isEmpty())
      throw new EvaluationException(
          descriptor.id() + ": config does not match the plugin's configSchema: "
              + String.join("; ", errors.stream().map(Error::toString).toList()));
  }

  private EvaluationException malformed(String problem) {
    return new EvaluationException(
        descriptor.id() + ": malformed output: " + problem,
        new PluginException.MalformedOutput(problem, null));
  }

  private static Schema compileSchema(PluginManifest manifest) {
    try {
      return SCHEMAS.getSchema(Json.write(manifest.configSchema()), InputFormat.JSON);
    } catch (RuntimeException e) {
      throw new PluginException.InvalidManifest(
          "plugin " + manifest.name() + ": configSchema is not a valid JSON Schema: " + e.getMessage(), e);
    }
  }
}
