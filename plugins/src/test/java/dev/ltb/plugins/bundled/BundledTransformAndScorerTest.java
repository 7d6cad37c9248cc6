package dev.ltb.plugins.bundled;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.json.Json;
import dev.ltb.plugin.PluginScorer;
import dev.ltb.plugin.PluginTransform;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.TestCase;
import dev.ltb.wasm.ChicoryPluginRuntime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled transform (strip-think, C) and scorer (weakest-link, AssemblyScript), as a suite uses them. */
class BundledTransformAndScorerTest {

  private static final ChicoryPluginRuntime RUNTIME = BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).build();
  private static final PluginTransform STRIP_THINK =
      new PluginTransform(BundledPlugins.load(RUNTIME, "strip-think"), null);
  private static final PluginScorer WEAKEST_LINK =
      new PluginScorer(BundledPlugins.load(RUNTIME, "weakest-link"), null);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a reasoning block and the space around the answer|<think>\\nThe user asks...\\n</think>\\n\\n  Paris.\\n||Paris.",
        "several blocks|<think>a</think>Paris <think>b</think>is the capital||Paris is the capital",
        "an unclosed block drops the rest|The answer: <think>still thinking||The answer:",
        "another tag|<reasoning>x</reasoning> Paris|{\"tag\": \"reasoning\"}|Paris",
        "nothing to strip keeps quotes and escapes|He said \"\\\\n\" ✓||He said \"\\\\n\" ✓",
        "a backslash before a trailing n stays|ends with \\\\n||ends with \\\\n"
      })
  void stripThinkLeavesTheAnswer(String name, String output, String config, String expected) {
    EvaluationContext seen = STRIP_THINK.apply(EvaluationContext.ofOutput(unescape(output)), json(config));

    assertThat(seen.output()).isEqualTo(unescape(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "every assertion passed|1.0,1.0|||true|1.0",
        "the weakest decides|1.0,0.4,0.9|||false|0.4",
        "config sets the threshold|1.0,0.4|{\"threshold\": 0.4}||true|0.4",
        "the test's threshold when config has none|0.7,0.9||0.6|true|0.7",
        "informational assertions do not count|1.0,0.0:0|||true|1.0"
      })
  void weakestLinkScoresByTheLowestWeightedAssertion(
      String name, String scores, String config, Double threshold, boolean pass, double score) {
    List<AssertionOutcome> assertions = new java.util.ArrayList<>();
    int i = 0;
    for (String entry : scores.split(",")) {
      String[] parts = entry.split(":");
      double value = Double.parseDouble(parts[0]);
      double weight = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
      assertions.add(new AssertionOutcome("a" + i++, value >= 1, value, "scored " + value, weight, null, List.of()));
    }
    TestOutcome outcome = new TestOutcome(false, 0, "x", assertions, Map.of(), TokenUsage.NONE);
    TestCase test = new TestCase("t", Map.of(), List.of(), threshold, Map.of());

    TestOutcome scored = WEAKEST_LINK.apply(outcome, test, EvaluationContext.ofOutput("Paris"), json(config));

    assertThat(scored.pass()).isEqualTo(pass);
    assertThat(scored.score()).isEqualTo(score);
    assertThat(scored.namedScores()).containsEntry("weakest", score);
    assertThat(scored.reason()).startsWith("weakest of ");
  }

  private static String unescape(String text) {
    return text == null ? "" : text.replace("\\\\", "\u0000").replace("\\n", "\n").replace("\u0000", "\\");
  }

  private static JsonNode json(String text) {
    try {
      return text == null || text.isBlank() ? null : Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
