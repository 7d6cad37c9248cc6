package dev.ltb.evaluator.runtime;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.suite.Assertion;

/** Reading the upper limit of {@code latency} and {@code cost}, and the response they measure. */
final class Limits {

  private Limits() {}

  /**
   * The assertion's {@code threshold}, as promptfoo reads it, or else its {@code value}.
   *
   * @param missing the message when neither is set, with an example
   */
  static double max(Assertion assertion, String missing) {
    Double max =
        assertion.threshold() != null
            ? assertion.threshold()
            : AssertionValues.optionalNumber(assertion);
    if (max == null) throw new EvaluationException(missing);
    if (max.isNaN() || max < 0)
      throw new EvaluationException(
          assertion.type() + " limit must be >= 0, was " + AssertionValues.numberText(max));
    return max;
  }

  static ProviderResponse response(Assertion assertion, ProviderResponse response) {
    if (response == null)
      throw new EvaluationException(
          assertion.type() + " needs the provider's response, which is missing");
    return response;
  }
}
