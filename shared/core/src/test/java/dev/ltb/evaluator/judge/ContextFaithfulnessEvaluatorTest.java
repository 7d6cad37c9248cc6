package dev.ltb.evaluator.judge;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.judge.JudgeFixture.context;
import static dev.ltb.evaluator.judge.JudgeFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.TokenUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextFaithfulnessEvaluatorTest {

  private static final Map<String, Object> RAG =
      vars(
          "query",
          "What is the capital of France?",
          "context",
          List.of("Paris is the capital of France.", "It lies on the Seine."));

  private static final String OUTPUT = "The capital is Paris, a city of 50 million people.";

  @Test
  void scoresTheShareOfStatementsTheContextSupports() {
    JudgeFixture fixture =
        new JudgeFixture(
            """
            {responses: {
              'Break the answer': '{"statements": ["Paris is the capital of France.", "Paris has 50 million people."]}',
              'Decide for each statement': '{"verdicts": [
                 {"statement": 2, "reason": "the context gives no population", "verdict": "no"},
                 {"statement": 1, "reason": "stated", "verdict": "yes"}]}'},
             tokens: {input: 10, output: 5}}
            """);

    EvaluationResult result =
        new ContextFaithfulnessEvaluator(fixture.judges)
            .evaluate(
                assertion("context-faithfulness", null), context("Q: {{query}}", OUTPUT, RAG));

    assertThat(result)
        .isEqualTo(
            new EvaluationResult(
                true,
                0.5,
                "1 of 2 statements are supported by the context (faithfulness 0.50 ≥ threshold 0.5); unsupported:"
                    + " \"Paris has 50 million people.\" (the context gives no population)",
                Map.of(),
                new TokenUsage(20, 10)));
    assertThat(fixture.prompts())
        .containsExactly(
            ContextFaithfulnessEvaluator.statementsPrompt("What is the capital of France?", OUTPUT),
            ContextFaithfulnessEvaluator.verdictsPrompt(
                "Paris is the capital of France.\nIt lies on the Seine.",
                List.of("Paris is the capital of France.", "Paris has 50 million people.")));
    assertThat(fixture.prompts().get(1))
        .contains("Context:\nParis is the capital of France.\nIt lies on the Seine.")
        .contains(
            "Statements:\n1. Paris is the capital of France.\n2. Paris has 50 million people.");
  }

  @Test
  void failsClearlyWhenAVerdictIsMissing() {
    JudgeFixture fixture =
        new JudgeFixture(
            """
            {responses: {
              'Break the answer': '{"statements": ["a", "b"]}',
              'Decide for each statement': '{"verdicts": [{"statement": 1, "verdict": "yes"}]}'}}
            """);

    assertThatThrownBy(
            () ->
                new ContextFaithfulnessEvaluator(fixture.judges)
                    .evaluate(assertion("context-faithfulness", null), context("p", OUTPUT, RAG)))
        .hasMessage(
            "the judge's reply gives verdicts for 1 of 2 statements; it answered \"{\"verdicts\": [{\"statement\": 1,"
                + " \"verdict\": \"yes\"}]}\"");
  }

  @Test
  void needsTheQueryAndTheContextVars() {
    JudgeFixture fixture = JudgeFixture.answering("{}");
    ContextFaithfulnessEvaluator evaluator = new ContextFaithfulnessEvaluator(fixture.judges);

    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("context-faithfulness", null),
                    context("p", OUTPUT, vars("context", "c"))))
        .hasMessage(
            "context-faithfulness needs the user's question in a \"query\" var of the test (a non-empty string)");
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("context-faithfulness", null),
                    context("p", OUTPUT, vars("query", "q"))))
        .hasMessage(
            "context-faithfulness needs the retrieved context in a \"context\" var of the test (a string or a list of"
                + " strings)");
    assertThat(fixture.requests).isEmpty();
  }
}
