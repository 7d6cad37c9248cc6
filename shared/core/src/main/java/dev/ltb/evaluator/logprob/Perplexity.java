package dev.ltb.evaluator.logprob;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.Locale;

/**
 * The perplexity of an output from the log-probabilities the provider reported for its tokens, as promptfoo
 * computes it ({@code src/assertions/perplexity.ts}): {@code exp(-mean(logprob))}. 1 means every token was
 * certain; higher means the model was less sure of what it wrote.
 *
 * @param value the perplexity, at least 1 for valid log-probabilities
 * @param tokens the number of tokens it was computed over
 */
record Perplexity(double value, int tokens) {

  /**
   * The perplexity of the evaluated response.
   *
   * @throws EvaluationException when the provider returned no log-probabilities (saying how to ask for them),
   *     or one of them is not a number
   */
  static Perplexity of(Assertion assertion, EvaluationContext context) {
    ProviderResponse response = context.response();
    List<TokenLogprob> logprobs = response == null ? List.of() : response.logprobs();
    if (logprobs.isEmpty()) throw missing(assertion, context);
    double sum = 0;
    for (TokenLogprob token : logprobs) {
      if (Double.isNaN(token.logprob()))
        throw new EvaluationException(
            assertion.type() + " cannot be computed: the provider returned no number as the log-probability of"
                + " the token \"" + token.token() + "\"");
      sum += token.logprob();
    }
    return new Perplexity(Math.exp(-sum / logprobs.size()), logprobs.size());
  }

  /** The assertion's {@code threshold}, or a number {@code value}; null when it has neither. */
  static Double threshold(Assertion assertion, double min, double max) {
    Double threshold =
        assertion.threshold() != null ? assertion.threshold() : AssertionValues.optionalNumber(assertion);
    if (threshold != null && (threshold.isNaN() || threshold < min || threshold > max))
      throw new EvaluationException(
          assertion.type() + " threshold must be " + (max == Double.MAX_VALUE ? "at least " + text(min)
              : "between " + text(min) + " and " + text(max)) + ", was " + AssertionValues.numberText(threshold));
    return threshold;
  }

  /** "perplexity 1.046 over 9 tokens". */
  String describe() {
    return "perplexity " + decimal(value) + " over " + tokens + (tokens == 1 ? " token" : " tokens");
  }

  static String decimal(double number) {
    return Double.isInfinite(number) ? "infinity" : String.format(Locale.ROOT, "%.3f", number);
  }

  private static String text(double number) {
    return AssertionValues.numberText(number);
  }

  private static EvaluationException missing(Assertion assertion, EvaluationContext context) {
    String who = context.provider() == null ? "the provider" : context.provider().id();
    return new EvaluationException(
        assertion.type() + " needs the log-probabilities of the output's tokens, and " + who + " returned none;"
            + " enable them in the provider's config (logprobs: true for OpenAI, Ollama, llama.cpp and Cohere;"
            + " responseLogprobs: true for Gemini). Anthropic and Bedrock models do not return them");
  }
}
