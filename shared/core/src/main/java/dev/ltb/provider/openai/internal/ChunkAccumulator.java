package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Assembles a streamed chat completion from its chunks: text and refusal deltas appended, tool calls
 * assembled by index from their pieces, logprobs collected, the finish reason and the final usage kept,
 * and the time of the first token noted.
 */
public final class ChunkAccumulator {

  private final LongSupplier elapsedMillis;
  private final StringBuilder content = new StringBuilder();
  private final StringBuilder refusal = new StringBuilder();
  private final Map<Integer, PartialToolCall> toolCalls = new TreeMap<>();
  private final List<TokenLogprob> logprobs = new ArrayList<>();
  private String finishReason;
  private ChatCompletion.Usage usage;
  private String model;
  private Long firstTokenMs;
  private int chunks;

  /** @param elapsedMillis time since the request was sent, read when the first token arrives */
  public ChunkAccumulator(LongSupplier elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  public void accept(ChatCompletionChunk chunk) {
    chunks++;
    if (chunk.model() != null) model = chunk.model();
    if (chunk.usage() != null) usage = chunk.usage();
    if (chunk.choices() == null) return;
    for (ChatCompletionChunk.ChunkChoice choice : chunk.choices()) {
      if (choice.index() != null && choice.index() != 0) continue;
      if (choice.finishReason() != null) finishReason = choice.finishReason();
      logprobs.addAll(OpenAiChatMapper.logprobs(choice.logprobs()));
      ChatCompletionChunk.Delta delta = choice.delta();
      if (delta == null) continue;
      String text = OpenAiChatMapper.text(delta.content());
      boolean token = !text.isEmpty();
      content.append(text);
      if (delta.refusal() != null && !delta.refusal().isEmpty()) {
        refusal.append(delta.refusal());
        token = true;
      }
      if (delta.toolCalls() != null) {
        for (ChatCompletion.ToolCall piece : delta.toolCalls()) {
          int index = piece.index() == null ? toolCalls.size() : piece.index();
          toolCalls.computeIfAbsent(index, i -> new PartialToolCall()).add(piece);
          token = true;
        }
      }
      if (token && firstTokenMs == null) firstTokenMs = elapsedMillis.getAsLong();
    }
  }

  /** How many chunks arrived. */
  public int chunks() {
    return chunks;
  }

  public ChatResult finish() {
    List<ToolCall> calls = toolCalls.values().stream().map(PartialToolCall::toToolCall).toList();
    return OpenAiChatMapper.result(
        content.toString(), refusal.toString(), calls, finishReason, usage, logprobs, firstTokenMs, model);
  }

  private static final class PartialToolCall {
    private String id;
    private final StringBuilder name = new StringBuilder();
    private final StringBuilder arguments = new StringBuilder();

    void add(ChatCompletion.ToolCall piece) {
      if (piece.id() != null) id = piece.id();
      if (piece.function() == null) return;
      if (piece.function().name() != null) name.append(piece.function().name());
      JsonNode part = piece.function().arguments();
      if (part != null && !part.isNull()) arguments.append(part.isTextual() ? part.asText() : part.toString());
    }

    ToolCall toToolCall() {
      return new ToolCall(id, name.toString(), arguments.isEmpty() ? "{}" : arguments.toString());
    }
  }
}
