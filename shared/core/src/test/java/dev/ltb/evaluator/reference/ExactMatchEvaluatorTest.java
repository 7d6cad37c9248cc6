package dev.ltb.evaluator.reference;

import static dev.ltb.evaluator.reference.MetricAssertions.assertEvaluates;
import static dev.ltb.evaluator.reference.MetricAssertions.assertion;

import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.suite.Assertion;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExactMatchEvaluatorTest {

  // By hand with the SQuAD v1.1 script's normalize_answer (confirmed by running it); see SquadAnswerTest.
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("The Denver Broncos!", assertion("exact-match", "Denver Broncos", null, null),
            EvaluationResult.of(true, "normalized output \"denver broncos\" matches the reference \"Denver Broncos\"")),
        Arguments.of("1976.", assertion("exact-match", "[the year 1976, 1976]", null, null),
            EvaluationResult.of(true, "normalized output \"1976\" matches the reference \"1976\"")),
        Arguments.of("Carolina Panthers", assertion("exact-match", "Denver Broncos", null, null),
            EvaluationResult.of(
                false, "normalized output \"carolina panthers\" differs from the reference \"Denver Broncos\"")),
        Arguments.of("Zürich", assertion("exact-match", "[Zurich, ZH]", null, null),
            EvaluationResult.of(false, "normalized output \"zürich\" matches none of 2 references")),
        Arguments.of("", assertion("exact-match", "''", null, null),
            EvaluationResult.of(true, "normalized output \"\" matches the reference \"\"")));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void comparesNormalizedAnswers(String output, Assertion assertion, EvaluationResult expected) {
    assertEvaluates(new ExactMatchEvaluator(), assertion, output, expected);
  }
}
