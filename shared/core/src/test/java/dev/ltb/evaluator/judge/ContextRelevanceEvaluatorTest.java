package dev.ltb.evaluator.judge;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.judge.JudgeFixture.TOKENS;
import static dev.ltb.evaluator.judge.JudgeFixture.context;
import static dev.ltb.evaluator.judge.JudgeFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextRelevanceEvaluatorTest {

  private static final Map<String, Object> RAG =
      vars(
          "query", "What is the capital of France?",
          "context",
              "Paris is the capital of France. Lyon is known for its food.\nThe Seine flows through Paris.");

  @Test
  void scoresTheShareOfContextSentencesNeededForTheQuery() {
    JudgeFixture fixture =
        JudgeFixture.answering(
            "{\"relevant\": [1, \"1\"], \"reason\": \"only the first names the capital\"}");

    EvaluationResult result =
        new ContextRelevanceEvaluator(fixture.judges)
            .evaluate(assertion("context-relevance", null), context("p", "o", RAG));

    assertThat(result)
        .isEqualTo(
            new EvaluationResult(
                false,
                1.0 / 3,
                "1 of 3 context sentences are needed for the query (relevance 0.33 < threshold 0.5): only the first"
                    + " names the capital",
                Map.of(),
                TOKENS));
    assertThat(fixture.prompts())
        .containsExactly(
            ContextRelevanceEvaluator.prompt(
                "What is the capital of France?",
                List.of(
                    "Paris is the capital of France.",
                    "Lyon is known for its food.",
                    "The Seine flows through Paris.")));
    assertThat(fixture.prompts().getFirst())
        .contains("Query: What is the capital of France?")
        .contains(
            "Context:\n1. Paris is the capital of France.\n2. Lyon is known for its food.\n3. The Seine flows through Paris.");
  }

  @Test
  void noRelevantSentenceScoresZero() {
    JudgeFixture fixture =
        JudgeFixture.answering("{\"relevant\": [], \"reason\": \"Insufficient Information\"}");

    assertThat(
            new ContextRelevanceEvaluator(fixture.judges)
                .evaluate(assertion("context-relevance", null), context("p", "o", RAG))
                .score())
        .isZero();
  }

  @Test
  void failsClearlyOnASentenceThatIsNotThere() {
    JudgeFixture fixture = JudgeFixture.answering("{\"relevant\": [4]}");

    assertThatThrownBy(
            () ->
                new ContextRelevanceEvaluator(fixture.judges)
                    .evaluate(assertion("context-relevance", null), context("p", "o", RAG)))
        .hasMessage(
            "the judge's reply picks sentence 4, but the context has 3; it answered \"{\"relevant\": [4]}\"");
  }
}
