package dev.ltb.provider.mistral.internal;

import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Assembles a Mistral answer: a whole completion, or streamed chunks (text deltas appended, tool calls
 * assembled by index, the finish reason and the usage of the last chunk kept, the first token timed).
 * {@code model_length} (the context was full) is reported as {@code length}.
 */
public final class MistralAnswer {

  private final LongSupplier elapsedMillis;
  private final StringBuilder text = new StringBuilder();
  private final Map<Integer, PartialToolCall> toolCalls = new TreeMap<>();
  private String finishReason;
  private MistralChatCompletion.Usage usage;
  private String model;
  private Long firstTokenMs;
  private int chunks;

  /** @param elapsedMillis time since the request was sent, or null when the answer is not streamed */
  public MistralAnswer(LongSupplier elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  /** Adds a whole completion or one chunk; only the first choice counts. */
  public void accept(MistralChatCompletion completion) {
    chunks++;
    if (completion.model() != null) model = completion.model();
    if (completion.usage() != null) usage = completion.usage();
    if (completion.choices() == null) return;
    for (MistralChatCompletion.Choice choice : completion.choices()) {
      if (choice.index() != null && choice.index() != 0) continue;
      if (choice.finishReason() != null) finishReason = choice.finishReason();
      MistralChatCompletion.Message message = choice.message() != null ? choice.message() : choice.delta();
      if (message == null) continue;
      String piece = MistralMapper.text(message.content());
      boolean token = !piece.isEmpty();
      text.append(piece);
      if (message.toolCalls() != null) {
        for (MistralChatCompletion.ToolCall call : message.toolCalls()) {
          int index = call.index() == null ? toolCalls.size() : call.index();
          toolCalls.computeIfAbsent(index, i -> new PartialToolCall()).add(call);
          token = true;
        }
      }
      if (token && firstTokenMs == null && elapsedMillis != null) firstTokenMs = elapsedMillis.getAsLong();
    }
  }

  public int chunks() {
    return chunks;
  }

  /** True once a finish reason arrived (the last chunk of a complete stream has one). */
  public boolean finished() {
    return finishReason != null;
  }

  public boolean usageReported() {
    return usage != null;
  }

  /** The model that answered, as the vendor names it. */
  public String model() {
    return model;
  }

  /** The answer: the text, or the tool calls as JSON when there is no text. */
  public ProviderResponse toResponse() {
    List<ToolCall> calls = toolCalls.values().stream().map(PartialToolCall::toToolCall).toList();
    String output = text.isEmpty() ? ToolCall.outputJson(calls) : text.toString();
    TokenUsage tokens =
        usage == null ? TokenUsage.NONE : new TokenUsage(count(usage.promptTokens()), count(usage.completionTokens()));
    return new ProviderResponse(
        output, tokens, null, FinishReason.fromVendor(finishReason), 0, firstTokenMs, calls, false, List.of());
  }

  private static long count(Long count) {
    return count == null ? 0 : count;
  }

  private static final class PartialToolCall {
    private String id;
    private final StringBuilder name = new StringBuilder();
    private final StringBuilder arguments = new StringBuilder();

    void add(MistralChatCompletion.ToolCall piece) {
      if (piece.id() != null && !piece.id().isEmpty() && !piece.id().equals("null")) id = piece.id();
      if (piece.function() == null) return;
      if (piece.function().name() != null) name.append(piece.function().name());
      arguments.append(MistralMapper.arguments(piece.function().arguments()));
    }

    ToolCall toToolCall() {
      return new ToolCall(id, name.toString(), arguments.isEmpty() ? "{}" : arguments.toString());
    }
  }
}
