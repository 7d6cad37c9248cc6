package dev.ltb.evaluator.runtime;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderResponse;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FinishReasonEvaluatorTest {

  private final FinishReasonEvaluator evaluator = new FinishReasonEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(FinishReason.STOP, "stop", pass("model stopped with \"stop\"")),
        Arguments.of(FinishReason.STOP, "STOP", pass("model stopped with \"stop\"")),
        Arguments.of(
            FinishReason.LENGTH, "stop", fail("model stopped with \"length\", not \"stop\"")),
        Arguments.of(
            FinishReason.TOOL_CALLS, "tool_calls", pass("model stopped with \"tool_calls\"")),
        Arguments.of(
            FinishReason.CONTENT_FILTER,
            "content-filter",
            pass("model stopped with \"content_filter\"")),
        Arguments.of(
            FinishReason.ERROR, "length", fail("model stopped with \"error\", not \"length\"")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void comparesTheNormalizedFinishReason(
      FinishReason actual, String value, EvaluationResult expected) {
    EvaluationContext context =
        EvaluationContext.ofResponse(ProviderResponse.of("x", null, null, actual));
    assertThat(evaluator.evaluate(assertion("finish-reason", value), context)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void failsClearlyOnUnknownReasons(FinishReason actual, String value, String message) {
    EvaluationContext context =
        EvaluationContext.ofResponse(ProviderResponse.of("x", null, null, actual));
    assertThatThrownBy(() -> evaluator.evaluate(assertion("finish-reason", value), context))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalid() {
    String known = "stop, length, content_filter, tool_calls, error";
    return Stream.of(
        Arguments.of(
            FinishReason.UNKNOWN, "stop", "the provider did not report why the model stopped"),
        Arguments.of(
            FinishReason.STOP,
            "end_turn",
            "finish-reason value must be one of " + known + ", got \"end_turn\""),
        Arguments.of(
            FinishReason.STOP,
            "unknown",
            "finish-reason value must be one of " + known + ", got \"unknown\""));
  }
}
