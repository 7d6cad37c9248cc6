package dev.ltb.aws.bedrock.internal;

import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * Reads a Converse answer: the text blocks joined (reasoning blocks are not the answer and are left out),
 * {@code toolUse} blocks as {@link ToolCall}s, the stop reason normalized, and the usage with cache reads.
 */
public final class ConverseResponseMapper {

  private ConverseResponseMapper() {}

  /**
   * @param price the model's price, or null when unknown (the cost then stays null)
   */
  public static ProviderResponse fromConverse(String providerId, ConverseResponse response, ModelPrice price) {
    Message message = response.output() == null ? null : response.output().message();
    if (message == null)
      throw new ProviderException.MalformedResponse(providerId + ": Bedrock answered without output.message", 200, null);
    StringBuilder text = new StringBuilder();
    List<ToolCall> toolCalls = new ArrayList<>();
    for (ContentBlock block : message.content()) {
      if (block.text() != null) text.append(block.text());
      if (block.toolUse() != null)
        toolCalls.add(
            new ToolCall(block.toolUse().toolUseId(), block.toolUse().name(), Documents.toJsonText(block.toolUse().input())));
    }
    TokenUsage usage = usage(response.usage());
    return new ProviderResponse(
        text.toString(),
        usage,
        cost(price, usage),
        FinishReason.fromVendor(response.stopReasonAsString()),
        0,
        null,
        toolCalls,
        false,
        List.of());
  }

  /**
   * Bedrock counts cache reads and writes apart from {@code inputTokens}; our {@link TokenUsage#input()}
   * counts every prompt token, so they are added to it (see {@link ModelPrice}).
   */
  public static TokenUsage usage(software.amazon.awssdk.services.bedrockruntime.model.TokenUsage usage) {
    if (usage == null) return TokenUsage.NONE;
    long cacheRead = orZero(usage.cacheReadInputTokens());
    long cacheWrite = orZero(usage.cacheWriteInputTokens());
    return new TokenUsage(orZero(usage.inputTokens()) + cacheRead + cacheWrite, orZero(usage.outputTokens()), cacheRead);
  }

  public static Double cost(ModelPrice price, TokenUsage usage) {
    return price == null ? null : price.costUsd(usage);
  }

  private static long orZero(Integer count) {
    return count == null ? 0 : count;
  }
}
