package dev.ltb.evaluator.judge;

import static dev.ltb.evaluator.judge.JudgeFixture.TOKENS;
import static dev.ltb.evaluator.judge.JudgeFixture.context;
import static dev.ltb.evaluator.judge.JudgeFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.ChatMessage;
import dev.ltb.suite.Assertion;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FactualityEvaluatorTest {

  static Stream<Arguments> categories() {
    String subset =
        "(A) the submitted answer is a subset of the expert answer and fully consistent with it";
    return Stream.of(
        // promptfoo's default scores: A, B, C, E pass with 1; D fails with 0
        Arguments.of(
            "{\"category\": \"A\", \"reason\": \"only the city\"}",
            null,
            result(true, 1, subset + ": only the city")),
        Arguments.of(
            "{\"category\": \"b\", \"reason\": \"adds the population\"}",
            null,
            result(
                true,
                1,
                "(B) the submitted answer is a superset of the expert answer and fully consistent with it: adds the"
                    + " population")),
        Arguments.of(
            "{\"category\": \"C\"}",
            null,
            result(
                true,
                1,
                "(C) the submitted answer contains all the same details as the expert answer")),
        Arguments.of(
            "{\"category\": \"(D)\", \"reason\": \"says Lyon\"}",
            null,
            result(false, 0, "(D) the submitted answer and the expert answer disagree: says Lyon")),
        Arguments.of(
            "{\"category\": \"E\", \"reason\": \"rounding\"}",
            null,
            result(
                true,
                1,
                "(E) the answers differ, but the differences do not matter for factuality: rounding")),
        // OpenAI evals' original reply format
        Arguments.of(
            "(A) The submission only names the city.",
            null,
            result(true, 1, subset + ": The submission only names the city.")),
        // scores set in config
        Arguments.of(
            "{\"category\": \"A\", \"reason\": \"partial\"}",
            "{subset: 0.4}",
            result(true, 0.4, subset + ": partial")),
        Arguments.of(
            "{\"category\": \"A\", \"reason\": \"partial\"}",
            "{subset: 0}",
            result(false, 0, subset + ": partial")));
  }

  @ParameterizedTest
  @MethodSource("categories")
  void scoresTheCategoryTheJudgeChose(String reply, String config, EvaluationResult expected) {
    FactualityEvaluator evaluator = new FactualityEvaluator(JudgeFixture.answering(reply).judges);

    assertThat(
            evaluator.evaluate(
                factuality("Paris", config), context("Capital of France?", "Paris, France")))
        .isEqualTo(expected);
  }

  @Test
  void sendsTheQuestionTheExpertAnswerAndTheSubmission() {
    JudgeFixture fixture = JudgeFixture.answering("{\"category\": \"C\"}");
    new FactualityEvaluator(fixture.judges)
        .evaluate(factuality("Paris", null), context("Capital of France?", "Paris."));

    assertThat(fixture.requests.getFirst().messages())
        .containsExactly(
            ChatMessage.system(FactualityEvaluator.SYSTEM),
            ChatMessage.user(
                "<question>\nCapital of France?\n</question>\n<expert_answer>\nParis\n</expert_answer>\n"
                    + "<submitted_answer>\nParis.\n</submitted_answer>"));
    assertThat(FactualityEvaluator.SYSTEM)
        .contains("(D) The submitted answer and the expert answer disagree.")
        .contains("{\"category\": \"<A, B, C, D or E>\", \"reason\": \"<why>\"}");
  }

  @Test
  void failsClearlyOnAnUnknownCategoryOrABadScore() {
    FactualityEvaluator evaluator =
        new FactualityEvaluator(JudgeFixture.answering("{\"category\": \"F\"}").judges);

    assertThatThrownBy(() -> evaluator.evaluate(factuality("Paris", null), context("q", "a")))
        .hasMessage(
            "the judge's reply names no category A to E; it answered \"{\"category\": \"F\"}\"");
    assertThatThrownBy(
            () -> evaluator.evaluate(factuality("Paris", "{disagree: 2}"), context("q", "a")))
        .hasMessage("factuality config disagree must be a score from 0 to 1, was 2");
  }

  private static Assertion factuality(String expert, String config) {
    return new Assertion(
        "factuality", false, yaml(expert), null, 1, null, config == null ? null : yaml(config));
  }

  private static EvaluationResult result(boolean pass, double score, String reason) {
    return new EvaluationResult(pass, score, reason, Map.of(), TOKENS);
  }
}
