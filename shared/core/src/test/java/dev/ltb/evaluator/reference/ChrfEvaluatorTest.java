package dev.ltb.evaluator.reference;

import static dev.ltb.evaluator.reference.MetricAssertions.assertEvaluates;
import static dev.ltb.evaluator.reference.MetricAssertions.assertion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.suite.Assertion;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChrfEvaluatorTest {

  private static final String OBAMA_HYP = "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.";
  private static final String OBAMA_REF = "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.";

  // Values computed with sacrebleu 2.6.0 CHRF().sentence_score (0.64818...) and CHRF(word_order=2)
  // (0.61587...); sacreBLEU's tests publish this pair with beta=3 only (test_chrf.py). The empty output
  // scores 0; "HELLO World" against "hello world" with lowercase is 1 (identical after lowercasing).
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(OBAMA_HYP, assertion("chrf", OBAMA_REF, null, null), true, 0.64818123726097,
            "chrF 0.648 meets the threshold 0.5"),
        Arguments.of(OBAMA_HYP, assertion("chrf", OBAMA_REF, 0.7, "{wordOrder: 2}"), false, 0.6158723245629576,
            "chrF++ 0.616 is below the threshold 0.7"),
        Arguments.of("", assertion("chrf", "x", null, null), false, 0.0, "chrF 0.000 is below the threshold 0.5"),
        Arguments.of("HELLO World", assertion("chrf", "[bye, hello world]", null, "{lowercase: true}"), true, 1.0,
            "chrF 1.000 meets the threshold 0.5"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresTheOutputAgainstTheReferences(
      String output, Assertion assertion, boolean pass, double score, String reason) {
    EvaluationResult result = new ChrfEvaluator().evaluate(assertion, EvaluationContext.ofOutput(output));
    assertThat(result.pass()).isEqualTo(pass);
    assertThat(result.score()).isCloseTo(score, within(1e-9));
    assertThat(result.reason()).isEqualTo(reason);
    assertThat(result.namedScores()).containsOnlyKeys("chrf.precision", "chrf.recall");
  }

  // By hand: identical one-word texts have precision and recall 1 at every order.
  @Test
  void reportsPrecisionAndRecall() {
    assertEvaluates(
        new ChrfEvaluator(),
        assertion("chrf", "bonjour", null, null),
        "bonjour",
        MetricAssertions.result(
            true, 1.0, "chrF 1.000 meets the threshold 0.5", Map.of("chrf.precision", 1.0, "chrf.recall", 1.0)));
  }
}
