package dev.ltb.plugin;

import static dev.ltb.plugin.FakePlugins.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.json.Json;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.TestCase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PluginScorerTest {

  private final AtomicReference<JsonNode> seenInput = new AtomicReference<>();

  private final TestOutcome outcome =
      new TestOutcome(
          false,
          0.75,
          "output has 6 words",
          List.of(
              new AssertionOutcome("contains", true, 1, "output contains \"Paris\"", 1, "accuracy", List.of()),
              new AssertionOutcome(
                  "assert-set", false, 0.5, "output has 6 words", 2, null,
                  List.of(new AssertionOutcome("word-count", false, 0.5, "output has 6 words", 1, null, List.of())))),
          Map.of("accuracy", 1.0),
          new TokenUsage(10, 2));
  private final TestCase test = new TestCase("capital", Map.of(), List.of(), 0.6, Map.of());
  private final EvaluationContext context =
      new EvaluationContext("Paris is the capital city.", null, "Capital?", Map.of(), test, null);

  @Test
  void givesThePluginTheAssertionsOutcomesAndTheTestsVerdict() {
    scorer("{\"pass\": true}").apply(outcome, test, context, null);

    assertThat(Json.write(seenInput.get()))
        .isEqualTo(
            "{\"output\":\"Paris is the capital city.\",\"prompt\":\"Capital?\",\"vars\":{},\"assertions\":["
                + "{\"type\":\"contains\",\"pass\":true,\"score\":1.0,\"reason\":\"output contains \\\"Paris\\\"\","
                + "\"weight\":1.0,\"metric\":\"accuracy\"},"
                + "{\"type\":\"assert-set\",\"pass\":false,\"score\":0.5,\"reason\":\"output has 6 words\",\"weight\":2.0,"
                + "\"metric\":null,\"assertions\":[{\"type\":\"word-count\",\"pass\":false,\"score\":0.5,\"reason\":"
                + "\"output has 6 words\",\"weight\":1.0,\"metric\":null}]}],"
                + "\"pass\":false,\"score\":0.75,\"reason\":\"output has 6 words\",\"namedScores\":{\"accuracy\":1.0},"
                + "\"threshold\":0.6,\"config\":{},\"test\":{\"description\":\"capital\",\"metadata\":{}},"
                + "\"provider\":null}");
  }

  @Test
  void theTestTakesThePluginsVerdictAndKeepsItsAssertions() {
    TestOutcome scored =
        scorer("{\"pass\": true, \"score\": 0.5, \"reason\": \"weakest scored 0.5\", \"namedScores\": {\"weakest\": 0.5}}")
            .apply(outcome, test, context, null);

    assertThat(scored)
        .isEqualTo(
            new TestOutcome(
                true, 0.5, "weakest scored 0.5", outcome.assertions(), Map.of("accuracy", 1.0, "weakest", 0.5),
                outcome.judgeTokens()));
  }

  @Test
  void malformedOutputIsAnErrorNamingTheField() {
    assertThatThrownBy(() -> scorer("{\"score\": 1}").apply(outcome, test, context, null))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("scorer plugin:weakest: malformed output: \"pass\" must be true or false");
  }

  private PluginScorer scorer(String output) {
    return new PluginScorer(
        FakePlugins.plugin(
            "weakest", PluginKind.SCORER, null,
            (input, config) -> {
              seenInput.set(input);
              return json(output);
            }),
        null);
  }
}
