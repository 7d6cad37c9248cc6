package dev.ltb.provider.ollama.internal;

import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Assembles an Ollama answer from its lines (one line when not streamed): text appended, tool calls and
 * logprobs collected, and from the final {@code done} line the stop reason and the token counts
 * ({@code prompt_eval_count} in, {@code eval_count} out). Notes when the first token arrived.
 */
public final class OllamaAnswer {

  private final LongSupplier elapsedMillis;
  private final StringBuilder text = new StringBuilder();
  private final List<ToolCall> toolCalls = new ArrayList<>();
  private final List<TokenLogprob> logprobs = new ArrayList<>();
  private OllamaResponse last;
  private Long firstTokenMs;

  /** @param elapsedMillis time since the request was sent, or null when the answer is not streamed */
  public OllamaAnswer(LongSupplier elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  /** Adds one line; lines with an {@code error} must be handled by the caller before. */
  public void accept(OllamaResponse line) {
    String piece = line.message() != null ? line.message().content() : line.response();
    String thinking = line.message() != null ? line.message().thinking() : line.thinking();
    boolean token = piece != null && !piece.isEmpty() || thinking != null && !thinking.isEmpty();
    if (piece != null) text.append(piece);
    if (line.message() != null && line.message().toolCalls() != null) {
      for (OllamaResponse.ToolCall call : line.message().toolCalls()) {
        if (call.function() == null || call.function().name() == null) continue;
        toolCalls.add(new ToolCall(call.id(), call.function().name(), arguments(call.function())));
        token = true;
      }
    }
    if (line.logprobs() != null) {
      for (OllamaResponse.Logprob logprob : line.logprobs()) {
        if (logprob.token() != null && logprob.logprob() != null)
          logprobs.add(new TokenLogprob(logprob.token(), logprob.logprob()));
      }
    }
    if (token && firstTokenMs == null && elapsedMillis != null) firstTokenMs = elapsedMillis.getAsLong();
    last = line;
  }

  /** True once the final ({@code done: true}) line has arrived. */
  public boolean finished() {
    return last != null && last.isDone();
  }

  /** True when the final line reported token counts (the cost can then be computed). */
  public boolean usageReported() {
    return last != null && (last.promptEvalCount() != null || last.evalCount() != null);
  }

  /**
   * The answer: the text, or the tool calls as JSON when there is no text. Ollama reports a tool call with
   * {@code done_reason: stop}; it is reported as {@code tool_calls}, as other vendors do.
   */
  public ProviderResponse toResponse() {
    String output = text.isEmpty() ? ToolCall.outputJson(toolCalls) : text.toString();
    TokenUsage usage =
        last == null ? TokenUsage.NONE : new TokenUsage(count(last.promptEvalCount()), count(last.evalCount()));
    FinishReason finish = FinishReason.fromVendor(last == null ? null : last.doneReason());
    if (!toolCalls.isEmpty() && (finish == FinishReason.STOP || finish == FinishReason.UNKNOWN))
      finish = FinishReason.TOOL_CALLS;
    return new ProviderResponse(output, usage, null, finish, 0, firstTokenMs, toolCalls, false, logprobs);
  }

  private static String arguments(OllamaResponse.Function function) {
    if (function.arguments() == null || function.arguments().isNull()) return "{}";
    return function.arguments().isTextual() ? function.arguments().asText() : function.arguments().toString();
  }

  private static long count(Long count) {
    return count == null ? 0 : count;
  }
}
