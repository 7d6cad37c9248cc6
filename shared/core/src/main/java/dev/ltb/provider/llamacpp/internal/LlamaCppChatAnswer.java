package dev.ltb.provider.llamacpp.internal;

import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Assembles an answer of {@code /v1/chat/completions}, whole or from its chunks: text appended, tool calls
 * assembled by index, logprobs collected, the finish reason and the usage (with cached prompt tokens) kept.
 */
public final class LlamaCppChatAnswer {

  private final LongSupplier elapsedMillis;
  private final StringBuilder text = new StringBuilder();
  private final Map<Integer, String[]> toolCalls = new TreeMap<>();
  private final List<TokenLogprob> logprobs = new ArrayList<>();
  private String finishReason;
  private LlamaCppChatCompletion.Usage usage;
  private Long firstTokenMs;
  private int chunks;

  /** @param elapsedMillis time since the request was sent, or null when the answer is not streamed */
  public LlamaCppChatAnswer(LongSupplier elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  public void accept(LlamaCppChatCompletion completion) {
    chunks++;
    if (completion.usage() != null) usage = completion.usage();
    if (completion.choices() == null) return;
    for (LlamaCppChatCompletion.Choice choice : completion.choices()) {
      if (choice.index() != null && choice.index() != 0) continue;
      if (choice.finishReason() != null) finishReason = choice.finishReason();
      if (choice.logprobs() != null && choice.logprobs().content() != null) {
        for (LlamaCppChatCompletion.TokenLogprob token : choice.logprobs().content())
          if (token.token() != null && token.logprob() != null) logprobs.add(new TokenLogprob(token.token(), token.logprob()));
      }
      LlamaCppChatCompletion.Message message = choice.message() != null ? choice.message() : choice.delta();
      if (message == null) continue;
      String piece = LlamaCppMapper.text(message.content());
      boolean token = !piece.isEmpty();
      text.append(piece);
      if (message.toolCalls() != null) {
        for (LlamaCppChatCompletion.ToolCall call : message.toolCalls()) {
          String[] partial = toolCalls.computeIfAbsent(call.index() == null ? toolCalls.size() : call.index(), i -> new String[] {null, "", ""});
          if (call.id() != null) partial[0] = call.id();
          if (call.function() != null) {
            if (call.function().name() != null) partial[1] += call.function().name();
            partial[2] += LlamaCppMapper.arguments(call.function().arguments());
          }
          token = true;
        }
      }
      if (token && firstTokenMs == null && elapsedMillis != null) firstTokenMs = elapsedMillis.getAsLong();
    }
  }

  public int chunks() {
    return chunks;
  }

  public boolean finished() {
    return finishReason != null;
  }

  public boolean usageReported() {
    return usage != null;
  }

  /** The answer: the text, or the tool calls as JSON when there is no text. */
  public ProviderResponse toResponse() {
    List<ToolCall> calls =
        toolCalls.values().stream().map(call -> new ToolCall(call[0], call[1], call[2].isEmpty() ? "{}" : call[2])).toList();
    String output = text.isEmpty() ? ToolCall.outputJson(calls) : text.toString();
    TokenUsage tokens = TokenUsage.NONE;
    if (usage != null) {
      long input = usage.promptTokens() == null ? 0 : usage.promptTokens();
      long cached =
          usage.promptTokensDetails() == null || usage.promptTokensDetails().cachedTokens() == null
              ? 0
              : usage.promptTokensDetails().cachedTokens();
      tokens = new TokenUsage(input, usage.completionTokens() == null ? 0 : usage.completionTokens(), Math.min(input, cached));
    }
    return new ProviderResponse(
        output, tokens, null, FinishReason.fromVendor(finishReason), 0, firstTokenMs, calls, false, logprobs);
  }
}
