package dev.ltb.evaluator.judge;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.judge.JudgeFixture.context;
import static dev.ltb.evaluator.judge.JudgeFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.TokenUsage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerRelevanceEvaluatorTest {

  @Test
  void scoresHowCloseTheInferredQuestionsAreToTheQuery() {
    JudgeFixture fixture =
        JudgeFixture.answering(
            "{\"questions\": [\"What is the capital of France?\", \"what is the capital of France\","
                + " \"What is the capital of France\"]}");

    EvaluationResult result =
        new AnswerRelevanceEvaluator(fixture.judges)
            .evaluate(
                assertion("answer-relevance", null),
                context(
                    "Answer briefly: What is the capital of France?",
                    "Paris",
                    vars("query", "What is the capital of France?")));

    // the three questions embed like the query (same words), so their embeddings come from the
    // cache
    assertThat(result)
        .isEqualTo(
            new EvaluationResult(
                true,
                1.0,
                "relevance 1.00 ≥ threshold 0.7; the answer fits the questions [\"What is the capital of France?\","
                    + " \"what is the capital of France\", \"What is the capital of France\"]",
                Map.of(),
                new TokenUsage(100 + 6 + 6 + 6, 20)));
    assertThat(fixture.prompts()).containsExactly(AnswerRelevanceEvaluator.prompt("Paris"));
    assertThat(fixture.prompts().getFirst())
        .contains("Write 3 different questions")
        .contains("Answer:\nParis")
        .contains("{\"questions\": [");
  }

  @Test
  void anAnswerThatDriftsFromTheQuestionScoresLow() {
    JudgeFixture fixture =
        JudgeFixture.answering("{\"questions\": [\"Everest height?\", \"Everest elevation?\"]}");

    EvaluationResult result =
        new AnswerRelevanceEvaluator(fixture.judges)
            .evaluate(
                assertion("answer-relevance", null),
                context("What is the capital of France?", "8,849 metres"));

    assertThat(result.pass()).isFalse();
    assertThat(result.score()).isEqualTo(0.0);
    assertThat(result.reason())
        .isEqualTo(
            "relevance 0.00 < threshold 0.7; the answer fits the questions [\"Everest height?\","
                + " \"Everest elevation?\"]");
  }

  @Test
  void failsClearlyWithoutQuestions() {
    JudgeFixture fixture = JudgeFixture.answering("{\"questions\": \"none\"}");

    assertThatThrownBy(
            () ->
                new AnswerRelevanceEvaluator(fixture.judges)
                    .evaluate(assertion("answer-relevance", null), context("q", "a")))
        .hasMessage(
            "the judge's reply lists no \"questions\"; it answered \"{\"questions\": \"none\"}\"");
  }
}
