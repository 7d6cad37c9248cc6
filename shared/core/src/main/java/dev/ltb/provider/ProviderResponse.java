package dev.ltb.provider;

import java.util.List;
import java.util.Objects;

/**
 * A provider's answer.
 *
 * @param output the text the model produced
 * @param usage tokens consumed
 * @param costUsd cost of the call in USD, or null when unknown (never guessed)
 * @param finishReason why generation stopped
 * @param latencyMs wall time of the call, measured by {@link AbstractProvider}
 * @param timeToFirstTokenMs for streamed calls, when the first token arrived; null otherwise
 * @param toolCalls tool calls the model asked for, empty when none
 * @param cached true when served from the response cache
 */
public record ProviderResponse(
    String output,
    TokenUsage usage,
    Double costUsd,
    FinishReason finishReason,
    long latencyMs,
    Long timeToFirstTokenMs,
    List<ToolCall> toolCalls,
    boolean cached) {

  public ProviderResponse {
    output = Objects.requireNonNullElse(output, "");
    usage = Objects.requireNonNullElse(usage, TokenUsage.NONE);
    finishReason = Objects.requireNonNullElse(finishReason, FinishReason.UNKNOWN);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public static ProviderResponse of(String output, TokenUsage usage, Double costUsd, FinishReason finishReason) {
    return new ProviderResponse(output, usage, costUsd, finishReason, 0, null, List.of(), false);
  }

  public ProviderResponse withLatency(long latencyMs) {
    return new ProviderResponse(output, usage, costUsd, finishReason, latencyMs, timeToFirstTokenMs, toolCalls, cached);
  }

  public ProviderResponse withCost(Double costUsd) {
    return new ProviderResponse(output, usage, costUsd, finishReason, latencyMs, timeToFirstTokenMs, toolCalls, cached);
  }

  public ProviderResponse asCached() {
    return new ProviderResponse(output, usage, costUsd, finishReason, latencyMs, timeToFirstTokenMs, toolCalls, true);
  }
}
