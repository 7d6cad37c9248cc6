package dev.ltb.evaluator.tool;

import static dev.ltb.evaluator.EvaluatorTestSupport.yaml;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.ToolCall;
import dev.ltb.suite.ProviderSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Evaluation contexts with tool calls and tool definitions, for the tool evaluator tests. */
final class ToolContexts {

  private ToolContexts() {}

  /** A call written as {@code name} or {@code name:argumentsJson}. */
  static ToolCall call(String written) {
    int colon = written.indexOf(':');
    return colon < 0
        ? new ToolCall(null, written, null)
        : new ToolCall(null, written.substring(0, colon), written.substring(colon + 1));
  }

  static EvaluationContext calling(String... calls) {
    return withCalls(null, Arrays.stream(calls).map(ToolContexts::call).toList());
  }

  /** A response with the calls, from a provider whose config is the YAML (or none). */
  static EvaluationContext withCalls(String providerConfigYaml, List<ToolCall> calls) {
    return context(providerConfigYaml, "", calls);
  }

  /** A response that reports no calls and whose output is the text. */
  static EvaluationContext writing(String output) {
    return context(null, output, List.of());
  }

  /** The same from a provider whose config is the YAML. */
  static EvaluationContext writing(String providerConfigYaml, String output) {
    return context(providerConfigYaml, output, List.of());
  }

  private static EvaluationContext context(
      String providerConfigYaml, String output, List<ToolCall> calls) {
    ProviderResponse response =
        new ProviderResponse(output, null, null, FinishReason.TOOL_CALLS, 0, null, calls, false);
    ProviderSpec provider =
        ProviderSpec.of(
            "openai:chat:gpt-4o-mini",
            yaml(providerConfigYaml == null ? "{}" : providerConfigYaml));
    return new EvaluationContext(output, response, "", Map.of(), null, provider);
  }
}
