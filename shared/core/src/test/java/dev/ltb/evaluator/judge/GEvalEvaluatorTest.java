package dev.ltb.evaluator.judge;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.judge.JudgeFixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.TokenUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GEvalEvaluatorTest {

  // Steps prompts contain "evaluation steps that apply"; score prompts contain the criteria and the
  // reply.
  private static final String JUDGE =
      """
      {responses: {
        'Write 3 or 4 short evaluation steps': '```json\\n{"steps": ["Read the reply", "Check it is concise"]}\\n```',
        'Is concise': '{"score": 8, "reason": "short and to the point"}',
        'Is polite': '{"score": "4", "reason": "a bit curt"}'},
       tokens: {input: 10, output: 5}}
      """;

  @Test
  void derivesStepsThenScoresOutOfTen() {
    JudgeFixture fixture = new JudgeFixture(JUDGE);

    EvaluationResult result =
        new GEvalEvaluator(fixture.judges)
            .evaluate(
                assertion("g-eval", "Is concise"), context("Describe Paris", "Paris: capital."));

    assertThat(result)
        .isEqualTo(
            new EvaluationResult(
                true,
                0.8,
                "score 0.80 ≥ threshold 0.7: short and to the point",
                Map.of(),
                new TokenUsage(20, 10)));
    assertThat(fixture.prompts())
        .containsExactly(
            GEvalEvaluator.stepsPrompt("Is concise"),
            GEvalEvaluator.scorePrompt(
                "Is concise",
                List.of("Read the reply", "Check it is concise"),
                "Describe Paris",
                "Paris: capital."));
    assertThat(fixture.prompts().get(1))
        .contains("Evaluation steps:\n- Read the reply\n- Check it is concise")
        .contains("Prompt:\nDescribe Paris")
        .contains("Reply:\nParis: capital.")
        .contains("{\"score\": <0-10>, \"reason\": \"<why>\"}");
  }

  @Test
  void averagesAListOfCriteriaAndReusesTheirStepsForOtherOutputs() {
    JudgeFixture fixture = new JudgeFixture(JUDGE);
    GEvalEvaluator evaluator = new GEvalEvaluator(fixture.judges);

    EvaluationResult result =
        evaluator.evaluate(
            assertion("g-eval", "[Is concise, Is polite]"), context("Describe Paris", "Paris."));
    evaluator.evaluate(
        assertion("g-eval", "[Is concise, Is polite]"), context("Describe Paris", "Paris!"));

    assertThat(result)
        .isEqualTo(
            new EvaluationResult(
                false,
                (0.8 + 0.4) / 2,
                "score 0.60 < threshold 0.7: 8/10 for \"Is concise\": short and to the point | 4/10 for \"Is polite\":"
                    + " a bit curt",
                Map.of(),
                new TokenUsage(40, 20)));
    assertThat(fixture.requests)
        .hasSize(6); // 2 steps + 2 scores, then 2 scores for the second output
  }

  @Test
  void failsClearlyWithoutSteps() {
    JudgeFixture fixture = JudgeFixture.answering("{\"steps\": []}");

    assertThatThrownBy(
            () ->
                new GEvalEvaluator(fixture.judges)
                    .evaluate(assertion("g-eval", "Is concise"), context("p", "o")))
        .hasMessage(
            "the judge's reply lists no evaluation \"steps\"; it answered \"{\"steps\": []}\"");
  }

  @Test
  void failsClearlyOnAScoreOutOfRange() {
    JudgeFixture fixture =
        new JudgeFixture(
            "{responses: {'Write 3 or 4': '{\"steps\": [\"a\"]}', default: '{\"score\": 11}'}}");

    assertThatThrownBy(
            () ->
                new GEvalEvaluator(fixture.judges)
                    .evaluate(assertion("g-eval", "Is concise"), context("p", "o")))
        .hasMessage(
            "the judge's reply gives no \"score\" from 0 to 10; it answered \"{\"score\": 11}\"");
  }
}
