package dev.ltb.evaluator.runtime;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.ProviderResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LatencyEvaluatorTest {

  private final LatencyEvaluator evaluator = new LatencyEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(120L, null, 500.0, pass("latency 120 ms, within 500 ms")),
        Arguments.of(500L, null, 500.0, pass("latency 500 ms, within 500 ms")),
        Arguments.of(1200L, null, 500.0, fail("latency 1200 ms, more than 500 ms")),
        Arguments.of(0L, null, 100.0, pass("latency 0 ms, within 100 ms")),
        Arguments.of(120L, "500", null, pass("latency 120 ms, within 500 ms")),
        Arguments.of(1200L, "'1000'", null, fail("latency 1200 ms, more than 1000 ms")),
        Arguments.of(800L, "100", 1000.0, pass("latency 800 ms, within 1000 ms")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void comparesTheMeasuredLatencyWithTheLimit(
      long latencyMs, String value, Double threshold, EvaluationResult expected) {
    EvaluationContext context =
        EvaluationContext.ofResponse(
            ProviderResponse.of("x", null, null, null).withLatency(latencyMs));
    assertThat(evaluator.evaluate(assertion("latency", value, threshold), context))
        .isEqualTo(expected);
  }

  @Test
  void refusesACachedResponseWhoseTimeIsTheOriginalCalls() {
    EvaluationContext cached =
        EvaluationContext.ofResponse(
            ProviderResponse.of("x", null, null, null).withLatency(5).asCached());
    assertThatThrownBy(() -> evaluator.evaluate(assertion("latency", null, 1000.0), cached))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "latency cannot be checked on a cached response (its time is the original call's); run"
                + " again without the cache");
  }

  @ParameterizedTest
  @MethodSource("invalidLimits")
  void needsALimit(String value, Double threshold, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("latency", value, threshold), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalidLimits() {
    return Stream.of(
        Arguments.of(
            null,
            null,
            "latency needs a threshold: the most milliseconds allowed, e.g. threshold: 5000"),
        Arguments.of("soon", null, "latency needs a number as value, got \"soon\""),
        Arguments.of(null, -1.0, "latency limit must be >= 0, was -1"));
  }
}
