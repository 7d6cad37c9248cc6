package dev.ltb.evaluator.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.TestOutcome;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.DerivedMetric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerivedMetricsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "precision * 2                                                       | 1.5",
        "2 * precision * recall / (precision + recall)                       | 0.6",
        "(precision + recall) / 2                                            | 0.625",
        "tp + fp > 0 ? tp / (tp + fp) : 0                                    | 0.75",
        "fn > 0 ? 1 : 0                                                      | 0",
        "fn + fp > 0 ? fn / (fn + fp) : 1                                    | 0",
        "recall > 0.6 ? (precision > 0.9 ? 1 : 0.5) : 0                      | 0",
        "MAX(precision, recall)                                              | 0.75",
        "Precision + RECALL                                                  | 1.25",
        "precision >= 0.75 && recall < 1                                     | 1",
      })
  void evaluatesExpressionsOverTheNamedScores(String expression, double expected) {
    Map<String, Double> scores =
        Map.of("precision", 0.75, "recall", 0.5, "tp", 3.0, "fp", 1.0, "fn", 0.0);

    assertThat(
            new DerivedMetrics(List.of(new DerivedMetric("derived", expression))).compute(scores))
        .containsEntry("derived", expected);
  }

  @Test
  void laterMetricsUseEarlierOnesAndKeepTheOriginalScores() {
    DerivedMetrics metrics =
        new DerivedMetrics(
            List.of(
                new DerivedMetric("precision", "tp / (tp + fp)"),
                new DerivedMetric("recall", "tp / (tp + fn)"),
                new DerivedMetric("f1", "2 * precision * recall / (precision + recall)")));

    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("tp", 1.0);
    expected.put("fp", 1.0);
    expected.put("fn", 0.0);
    expected.put("precision", 0.5);
    expected.put("recall", 1.0);
    expected.put("f1", 2 * 0.5 * 1.0 / 1.5);
    assertThat(metrics.compute(Map.of("tp", 1.0, "fp", 1.0, "fn", 0.0)))
        .containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void leavesOutWhatCannotBeComputedForThisResult() {
    DerivedMetrics metrics =
        new DerivedMetrics(
            List.of(
                new DerivedMetric("ratio", "tp / (tp + fp)"),
                new DerivedMetric("missing", "tp + unknown"),
                new DerivedMetric("text", "\"yes\""),
                new DerivedMetric("ok", "tp + 1")));

    assertThat(metrics.compute(Map.of("tp", 0.0, "fp", 0.0)))
        .isEqualTo(Map.of("tp", 0.0, "fp", 0.0, "ok", 1.0));
  }

  @Test
  void addsTheDerivedMetricsToAnOutcome() {
    TestOutcome outcome =
        new TestOutcome(
            true,
            0.8,
            "All assertions passed",
            List.of(),
            Map.of("a", 0.5, "b", 1.0),
            new TokenUsage(3, 1));

    assertThat(new DerivedMetrics(List.of(new DerivedMetric("mean", "(a + b) / 2"))).apply(outcome))
        .isEqualTo(
            new TestOutcome(
                true,
                0.8,
                "All assertions passed",
                List.of(),
                Map.of("a", 0.5, "b", 1.0, "mean", 0.75),
                new TokenUsage(3, 1)));
  }

  @Test
  void reportsSyntaxErrorsWithTheirPlace() {
    assertThat(DerivedMetrics.syntaxError("tp / (tp + fp)")).isEmpty();
    assertThat(DerivedMetrics.syntaxError("tp / (tp + "))
        .contains("the expression \"tp / (tp + \" does not parse: Closing brace not found");
    assertThat(DerivedMetrics.syntaxError("a ? b"))
        .isEmpty(); // the missing branch is found when evaluated
    assertThatThrownBy(() -> new DerivedMetrics(List.of(new DerivedMetric("f1", "2 * * p"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "derived metric f1: the expression \"2 * * p\" does not parse: Unexpected token after infix operator");
  }
}
