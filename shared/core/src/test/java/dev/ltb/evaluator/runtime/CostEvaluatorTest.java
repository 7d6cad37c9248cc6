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

class CostEvaluatorTest {

  private final CostEvaluator evaluator = new CostEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(0.0012, null, 0.01, pass("cost $0.0012, within $0.01")),
        Arguments.of(0.01, null, 0.01, pass("cost $0.01, within $0.01")),
        Arguments.of(0.0123456, null, 0.01, fail("cost $0.01235, more than $0.01")),
        Arguments.of(0.0, null, 0.0, pass("cost $0, within $0")),
        Arguments.of(0.000012345, "0.001", null, pass("cost $0.00001234, within $0.001")),
        Arguments.of(2.5, "'1'", null, fail("cost $2.5, more than $1")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void comparesTheCallsCostWithTheLimit(
      double costUsd, String value, Double threshold, EvaluationResult expected) {
    EvaluationContext context =
        EvaluationContext.ofResponse(ProviderResponse.of("x", null, costUsd, null));
    assertThat(evaluator.evaluate(assertion("cost", value, threshold), context))
        .isEqualTo(expected);
  }

  @Test
  void failsClearlyWhenTheProviderReportedNoCost() {
    EvaluationContext context =
        EvaluationContext.ofResponse(ProviderResponse.of("x", null, null, null));
    assertThatThrownBy(() -> evaluator.evaluate(assertion("cost", null, 0.01), context))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("cost is unknown: the provider reported no price for this call");
  }

  @Test
  void needsALimit() {
    EvaluationContext context =
        EvaluationContext.ofResponse(ProviderResponse.of("x", null, 0.5, null));
    assertThatThrownBy(() -> evaluator.evaluate(assertion("cost", null, null), context))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("cost needs a threshold: the most USD allowed, e.g. threshold: 0.01");
  }
}
