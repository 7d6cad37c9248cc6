package dev.ltb.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.suite.TestCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scorer plugin used as a test's {@code scorer: plugin:<name>}: turns the outcomes of the test's assertions
 * into the test's verdict, score and reason (promptfoo's {@code assertScoringFunction}). The assertions' own
 * outcomes are kept as they are; named scores the plugin returns are added (replacing equal names). A failed
 * call is an error of that item; the run goes on. See docs/plugins.md for the input and output JSON.
 */
public final class PluginScorer {

  private final Plugin plugin;
  private final JsonNode defaultConfig;
  private final PluginConfigCheck configCheck;
  private final String id;

  public PluginScorer(Plugin plugin, JsonNode defaultConfig) {
    this.plugin = Objects.requireNonNull(plugin, "plugin");
    if (plugin.manifest().kind() != PluginKind.SCORER)
      throw PluginInputs.wrongKind(plugin.manifest(), PluginKind.SCORER);
    this.defaultConfig = defaultConfig;
    this.configCheck = new PluginConfigCheck(plugin.manifest());
    this.id = "scorer " + plugin.manifest().evaluatorId();
  }

  public PluginManifest manifest() {
    return plugin.manifest();
  }

  /**
   * The test's outcome as the plugin scores it.
   *
   * @throws EvaluationException when the config is invalid, the call fails or the output is malformed
   */
  public TestOutcome apply(TestOutcome outcome, TestCase test, EvaluationContext context, JsonNode useConfig) {
    JsonNode config = PluginConfigCheck.merge(defaultConfig, useConfig);
    configCheck
        .problem(config)
        .ifPresent(
            problem -> {
              throw new EvaluationException(id + ": config does not match the plugin's configSchema: " + problem);
            });
    JsonNode output;
    try {
      output = plugin.call(input(outcome, test, context, config), config);
    } catch (PluginException e) {
      throw new EvaluationException(id + ": " + e.getMessage(), e);
    }
    return result(outcome, output);
  }

  /** The scorer input of docs/plugins.md. */
  public static ObjectNode input(TestOutcome outcome, TestCase test, EvaluationContext context, JsonNode config) {
    ObjectNode input = PluginInputs.begin(context, context.vars());
    input.set("assertions", assertions(outcome.assertions()));
    input.put("pass", outcome.pass());
    input.put("score", outcome.score());
    input.put("reason", outcome.reason());
    ObjectNode named = input.putObject("namedScores");
    outcome.namedScores().forEach(named::put);
    Double threshold = test == null ? null : test.threshold();
    if (threshold == null) input.putNull("threshold");
    else input.put("threshold", threshold);
    return PluginInputs.end(input, context, config);
  }

  /** Reads the plugin's verdict into the test's outcome. */
  public TestOutcome result(TestOutcome outcome, JsonNode output) {
    EvaluationResult verdict = PluginOutputs.verdict(id, output);
    Map<String, Double> namedScores = new LinkedHashMap<>(outcome.namedScores());
    namedScores.putAll(verdict.namedScores());
    return new TestOutcome(
        verdict.pass(), verdict.score(), verdict.reason(), outcome.assertions(), namedScores, outcome.judgeTokens());
  }

  private static ArrayNode assertions(List<AssertionOutcome> outcomes) {
    ArrayNode list = PluginInputs.NODES.arrayNode(outcomes.size());
    for (AssertionOutcome outcome : outcomes) {
      ObjectNode item = list.addObject();
      item.put("type", outcome.type());
      item.put("pass", outcome.pass());
      item.put("score", outcome.score());
      item.put("reason", outcome.reason());
      item.put("weight", outcome.weight());
      if (outcome.metric() == null) item.putNull("metric");
      else item.put("metric", outcome.metric());
      if (!outcome.children().isEmpty()) item.set("assertions", assertions(outcome.children()));
    }
    return list;
  }
}
