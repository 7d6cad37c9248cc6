package dev.ltb.evaluator.judge;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.judge.JudgeFixture.TOKENS;
import static dev.ltb.evaluator.judge.JudgeFixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.ChatMessage;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LlmRubricEvaluatorTest {

  static Stream<Arguments> verdicts() {
    return Stream.of(
        Arguments.of(
            "{\"reason\": \"the output is French\", \"pass\": true, \"score\": 1.0}",
            null,
            result(true, 1, "the output is French")),
        Arguments.of(
            "```json\n{\"reason\": \"no greeting at all\", \"pass\": false, \"score\": 0.2,}\n```",
            null,
            result(false, 0.2, "no greeting at all")),
        Arguments.of(
            "Here is my verdict:\n{'pass': 'true', 'score': '0.9', 'reason': 'polite and French'}\nHope it helps.",
            null,
            result(true, 0.9, "polite and French")),
        Arguments.of(
            "{\"pass\": true, \"score\": 0.6, \"reason\": \"mostly French\"}",
            0.7,
            result(false, 0.6, "score 0.60 < threshold 0.7: mostly French")),
        Arguments.of(
            "{\"pass\": true, \"score\": 0.8, \"reason\": \"French enough\"}",
            0.7,
            result(true, 0.8, "French enough")),
        Arguments.of(
            "{\"score\": 0.3, \"reason\": \"barely\"}", null, result(false, 0.3, "barely")),
        Arguments.of("{\"score\": 0.3, \"reason\": \"barely\"}", 0.25, result(true, 0.3, "barely")),
        Arguments.of("{\"pass\": \"yes\"}", null, result(true, 1, "the rubric holds")),
        Arguments.of("{\"pass\": false}", null, result(false, 0, "the rubric does not hold")));
  }

  @ParameterizedTest
  @MethodSource("verdicts")
  void readsTheJudgesVerdictAndKeepsItsReasoning(
      String reply, Double threshold, EvaluationResult expected) {
    LlmRubricEvaluator evaluator = new LlmRubricEvaluator(JudgeFixture.answering(reply).judges);

    assertThat(
            evaluator.evaluate(
                assertion("llm-rubric", "Is written in French", threshold),
                context("Greet", "Salut")))
        .isEqualTo(expected);
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of(
            "I think it's fine!",
            "the judge's reply holds no JSON object {\"reason\": ..., \"pass\": ..., \"score\": ...}; it answered"
                + " \"I think it's fine!\""),
        Arguments.of(
            "{\"reason\": \"ok\", \"pass\": \"maybe\"}",
            "the judge's reply gives \"pass\": \"maybe\", which is not a boolean; it answered"
                + " \"{\"reason\": \"ok\", \"pass\": \"maybe\"}\""),
        Arguments.of(
            "{\"reason\": \"ok\"}",
            "the judge's reply gives neither \"pass\" nor \"score\"; it answered \"{\"reason\": \"ok\"}\""),
        Arguments.of(
            "{\"pass\": true, \"score\": 8}",
            "the judge's reply gives score 8.0, outside 0 to 1; it answered \"{\"pass\": true, \"score\": 8}\""),
        Arguments.of(
            "{\"pass\": true, \"reason\": \"" + "x".repeat(300) + "\"",
            "the judge's reply holds no JSON object {\"reason\": ..., \"pass\": ..., \"score\": ...}; it answered"
                + " \"{\"pass\": true, \"reason\": \""
                + "x".repeat(171)
                + "...\""));
  }

  @ParameterizedTest
  @MethodSource("garbage")
  void failsClearlyWhenTheJudgeAnswersNoVerdict(String reply, String message) {
    LlmRubricEvaluator evaluator = new LlmRubricEvaluator(JudgeFixture.answering(reply).judges);

    assertThatThrownBy(
            () -> evaluator.evaluate(assertion("llm-rubric", "Is polite"), context("Greet", "Hi")))
        .isInstanceOfSatisfying(
            EvaluationException.class,
            e -> {
              assertThat(e).hasMessage(message);
              assertThat(e.judgeTokens()).isEqualTo(TOKENS);
            });
  }

  @Test
  void sendsTheRubricAndTheOutputToTheJudge() {
    JudgeFixture fixture = JudgeFixture.answering("{\"pass\": true}");
    new LlmRubricEvaluator(fixture.judges)
        .evaluate(assertion("llm-rubric", "Is French"), context("Greet", "Salut"));

    assertThat(fixture.requests).hasSize(1);
    assertThat(fixture.requests.getFirst().messages())
        .containsExactly(
            ChatMessage.system(LlmRubricEvaluator.SYSTEM),
            ChatMessage.user("<Output>\nSalut\n</Output>\n<Rubric>\nIs French\n</Rubric>"));
    assertThat(LlmRubricEvaluator.SYSTEM)
        .contains("{\"reason\": string, \"pass\": boolean, \"score\": number}");
  }

  @Test
  void sendsAnObjectRubricAsJson() {
    JudgeFixture fixture = JudgeFixture.answering("{\"pass\": true}");
    new LlmRubricEvaluator(fixture.judges)
        .evaluate(
            assertion("llm-rubric", "{tone: friendly, language: French}"),
            context("Greet", "Salut"));

    assertThat(fixture.requests.getFirst().messages().get(1).text())
        .isEqualTo(
            "<Output>\nSalut\n</Output>\n<Rubric>\n{\"tone\":\"friendly\",\"language\":\"French\"}\n</Rubric>");
  }

  private static EvaluationResult result(boolean pass, double score, String reason) {
    return new EvaluationResult(pass, score, reason, Map.of(), TOKENS);
  }
}
