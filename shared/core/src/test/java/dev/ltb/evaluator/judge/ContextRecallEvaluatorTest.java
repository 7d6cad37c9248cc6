package dev.ltb.evaluator.judge;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.judge.JudgeFixture.TOKENS;
import static dev.ltb.evaluator.judge.JudgeFixture.context;
import static dev.ltb.evaluator.judge.JudgeFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.evaluator.EvaluationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextRecallEvaluatorTest {

  private static final String REFERENCE =
      "Paris is the capital of France. It has the Eiffel Tower.\nIt is on the Seine.";

  @Test
  void scoresTheShareOfReferenceSentencesTheContextHolds() {
    JudgeFixture fixture =
        JudgeFixture.answering(
            "{\"sentences\": [{\"sentence\": 1, \"reason\": \"stated\", \"attributed\": true},"
                + " {\"sentence\": 2, \"reason\": \"no tower in the context\", \"attributed\": false},"
                + " {\"sentence\": 3, \"reason\": \"stated\", \"attributed\": \"true\"}]}");

    EvaluationResult result =
        new ContextRecallEvaluator(fixture.judges)
            .evaluate(
                assertion("context-recall", REFERENCE),
                context(
                    "p", "o", vars("context", "Paris, on the Seine, is the capital of France.")));

    assertThat(result)
        .isEqualTo(
            new EvaluationResult(
                true,
                2.0 / 3,
                "2 of 3 reference sentences can be attributed to the context (recall 0.67 ≥ threshold 0.5); not"
                    + " attributed: \"It has the Eiffel Tower.\" (no tower in the context)",
                Map.of(),
                TOKENS));
    assertThat(fixture.prompts())
        .containsExactly(
            ContextRecallEvaluator.prompt(
                "Paris, on the Seine, is the capital of France.",
                List.of(
                    "Paris is the capital of France.",
                    "It has the Eiffel Tower.",
                    "It is on the Seine.")));
    assertThat(fixture.prompts().getFirst())
        .contains(
            "Reference answer:\n1. Paris is the capital of France.\n2. It has the Eiffel Tower.\n3. It is on the Seine.");
  }

  @Test
  void takesThePromptAsContextWithoutAContextVar() {
    JudgeFixture fixture = JudgeFixture.answering("{\"sentences\": [{\"attributed\": false}]}");

    EvaluationResult result =
        new ContextRecallEvaluator(fixture.judges)
            .evaluate(
                assertion("context-recall", "Paris is the capital.", 0.9),
                context("Tell me about Lyon.", "o"));

    assertThat(result.reason())
        .isEqualTo(
            "0 of 1 reference sentences can be attributed to the context (recall 0.00 < threshold 0.9); not"
                + " attributed: \"Paris is the capital.\"");
    assertThat(fixture.prompts().getFirst()).contains("Context:\nTell me about Lyon.");
  }
}
