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
 * @param logprobs per output token, when the provider was asked for them and returned them; empty otherwise
 */
public record ProviderResponse(
    String output,
    TokenUsage usage,
    Double costUsd,
    FinishReason finishReason,
    long latencyMs,
    Long timeToFirstTokenMs,
    List<ToolCall> toolCalls,
    boolean cached,
    List<TokenLogprob> logprobs) {

  public ProviderResponse {
    output = Objects.requireNonNullElse(output, "");
    usage = Objects.requireNonNullElse(usage, TokenUsage.NONE);
    finishReason = Objects.requireNonNullElse(finishReason, FinishReason.UNKNOWN);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
  }

  /** A response without logprobs. */
  public ProviderResponse(
      String output,
      TokenUsage usage,
      Double costUsd,
      FinishReason finishReason,
      long latencyMs,
      Long timeToFirstTokenMs,
      List<ToolCall> toolCalls,
      boolean cached) {
    this(output, usage, costUsd, finishReason, latencyMs, timeToFirstTokenMs, toolCalls, cached, List.of());
  }

  public static ProviderResponse of(String output, TokenUsage usage, Double costUsd, FinishReason finishReason) {
    return new ProviderResponse(output, usage, costUsd, finishReason, 0, null, List.of(), false, List.of());
  }

  public ProviderResponse withLatency(long latencyMs) {
    return new ProviderResponse(
        output, usage, costUsd, finishReason, latencyMs, timeToFirstTokenMs, toolCalls, cached, logprobs);
  }

  public ProviderResponse withCost(Double costUsd) {
    return new ProviderResponse(
        output, usage, costUsd, finishReason, latencyMs, timeToFirstTokenMs, toolCalls, cached, logprobs);
  }

  public ProviderResponse asCached() {
    return new ProviderResponse(
        output, usage, costUsd, finishReason, latencyMs, timeToFirstTokenMs, toolCalls, true, logprobs);
  }
}
