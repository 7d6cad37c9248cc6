package dev.ltb.evaluator;

import dev.ltb.provider.ProviderResponse;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an evaluator may look at.
 *
 * @param output the text under test (the provider's output, after any transform)
 * @param response the full provider response (tokens, cost, latency, finish reason, tool calls)
 * @param prompt the rendered prompt
 * @param vars the test's variables
 * @param test the test case
 * @param provider the provider that answered
 */
public record EvaluationContext(
    String output,
    ProviderResponse response,
    String prompt,
    Map<String, Object> vars,
    TestCase test,
    ProviderSpec provider) {

  public EvaluationContext {
    output = Objects.requireNonNullElse(output, "");
    vars = vars == null ? Map.of() : vars;
  }

  /** A context with only an output, for evaluators that need nothing else (and for tests). */
  public static EvaluationContext ofOutput(String output) {
    return new EvaluationContext(
        output, ProviderResponse.of(output, null, null, null), "", Map.of(), null, null);
  }

  public static EvaluationContext ofResponse(ProviderResponse response) {
    return new EvaluationContext(response.output(), response, "", Map.of(), null, null);
  }
}
