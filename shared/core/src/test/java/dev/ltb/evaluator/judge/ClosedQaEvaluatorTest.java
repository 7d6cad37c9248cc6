package dev.ltb.evaluator.judge;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.judge.JudgeFixture.TOKENS;
import static dev.ltb.evaluator.judge.JudgeFixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationResult;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClosedQaEvaluatorTest {

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of(
            "{\"reason\": \"The answer names Paris, as asked.\", \"answer\": \"Y\"}",
            result(true, "the submission meets the criterion: The answer names Paris, as asked.")),
        Arguments.of(
            "```json\n{\"reason\": \"It names Lyon.\", \"answer\": \"n\"}\n```",
            result(false, "the submission does not meet the criterion: It names Lyon.")),
        Arguments.of(
            "1. The criterion asks for the capital.\n2. The submission says Paris.\nY\nY",
            result(
                true,
                "the submission meets the criterion: 1. The criterion asks for the capital.\n2. The submission says"
                    + " Paris.\nY\nY")),
        Arguments.of(
            "The submission is off topic.\nN",
            result(
                false,
                "the submission does not meet the criterion: The submission is off topic.\nN")),
        Arguments.of("{\"answer\": \"yes\"}", result(true, "the submission meets the criterion")));
  }

  @ParameterizedTest
  @MethodSource("replies")
  void readsTheYesOrNoAndKeepsTheReasoning(String reply, EvaluationResult expected) {
    ClosedQaEvaluator evaluator = new ClosedQaEvaluator(JudgeFixture.answering(reply).judges);

    assertThat(
            evaluator.evaluate(
                assertion("model-graded-closedqa", "names the capital"),
                context("Capital of France?", "Paris")))
        .isEqualTo(expected);
  }

  @Test
  void sendsTheTaskTheSubmissionAndTheCriterion() {
    JudgeFixture fixture = JudgeFixture.answering("{\"answer\": \"Y\"}");
    new ClosedQaEvaluator(fixture.judges)
        .evaluate(
            assertion("model-graded-closedqa", "names the capital"),
            context("Capital of France?", "Paris"));

    assertThat(fixture.prompts())
        .containsExactly(
            ClosedQaEvaluator.prompt("Capital of France?", "Paris", "names the capital"));
    assertThat(fixture.prompts().getFirst())
        .contains(
            "[Task]: Capital of France?\n***\n[Submission]: Paris\n***\n[Criterion]: names the capital")
        .contains("{\"reason\": \"<your step-by-step reasoning>\", \"answer\": \"Y\" or \"N\"}");
  }

  @Test
  void failsClearlyWithoutAnAnswer() {
    ClosedQaEvaluator evaluator =
        new ClosedQaEvaluator(JudgeFixture.answering("Hard to say.").judges);

    assertThatThrownBy(
            () -> evaluator.evaluate(assertion("model-graded-closedqa", "x"), context("p", "o")))
        .hasMessage(
            "the judge's reply is neither {\"reason\": ..., \"answer\": \"Y\" or \"N\"} nor reasoning ending in a line"
                + " with Y or N; it answered \"Hard to say.\"");
  }

  private static EvaluationResult result(boolean pass, String reason) {
    return new EvaluationResult(pass, pass ? 1 : 0, reason, Map.of(), TOKENS);
  }
}
