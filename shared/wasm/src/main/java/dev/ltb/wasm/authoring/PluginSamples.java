package dev.ltb.wasm.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.plugin.PluginEvaluator;
import dev.ltb.plugin.PluginKind;
import dev.ltb.plugin.PluginScorer;
import dev.ltb.plugin.PluginTransform;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.Map;

/** The inputs a plugin gets when it is tried out of a run: a small, realistic case for each kind. */
public final class PluginSamples {

  /** The output under test in every sample. */
  public static final String OUTPUT = "The capital of France is Paris.";

  private static final JsonNode NO_CONFIG = JsonNodeFactory.instance.objectNode();

  private PluginSamples() {}

  /** The context every sample is built from: the output, no vars, no test, no provider. */
  public static EvaluationContext context() {
    return EvaluationContext.ofOutput(OUTPUT);
  }

  /** The outcome the scorer sample holds: one assertion passed, one failed. */
  public static TestOutcome outcome() {
    List<AssertionOutcome> assertions =
        List.of(
            new AssertionOutcome("contains", true, 1, "output contains \"Paris\"", 1, null, List.of()),
            new AssertionOutcome("word-count", false, 0.5, "output has 6 words, more than 3", 1, null, List.of()));
    return new TestOutcome(false, 0.75, "output has 6 words, more than 3", assertions, Map.of(), TokenUsage.NONE);
  }

  /** The sample input of a kind, as the host would send it (docs/plugins.md). */
  public static ObjectNode input(PluginKind kind) {
    return switch (kind) {
      case EVALUATOR ->
          PluginEvaluator.input(
              new Assertion("plugin:sample", false, TextNode.valueOf("Paris"), null, 1, null, NO_CONFIG),
              context(),
              NO_CONFIG);
      case TRANSFORM -> PluginTransform.input(context(), NO_CONFIG);
      case SCORER -> PluginScorer.input(outcome(), null, context(), NO_CONFIG);
    };
  }
}
