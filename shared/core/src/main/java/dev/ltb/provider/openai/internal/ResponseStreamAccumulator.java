package dev.ltb.provider.openai.internal;

import java.util.function.LongSupplier;

/**
 * Follows a streamed Responses API answer: notes when the first token arrives (text, refusal or function
 * call), keeps the text deltas, and keeps the final response that {@code response.completed}, {@code
 * response.incomplete} or {@code response.failed} carries. Errors ({@code error} events) are the caller's.
 */
public final class ResponseStreamAccumulator {

  private final LongSupplier elapsedMillis;
  private final StringBuilder text = new StringBuilder();
  private Long firstTokenMs;
  private ModelResponse finalResponse;

  /** @param elapsedMillis time since the request was sent, read when the first token arrives */
  public ResponseStreamAccumulator(LongSupplier elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  /** @param type the event type (from its data, else its SSE {@code event:} name) */
  public void accept(String type, ResponseStreamEvent event) {
    switch (type) {
      case "response.output_text.delta" -> {
        if (event.delta() != null) text.append(event.delta());
        firstToken(event.delta());
      }
      case "response.refusal.delta", "response.function_call_arguments.delta" -> firstToken(event.delta());
      case "response.output_item.added" -> {
        if (event.item() != null && "function_call".equals(event.item().type())) firstToken("call");
      }
      case "response.completed", "response.incomplete", "response.failed" -> finalResponse = event.response();
      default -> {
        // created, in_progress, content_part.*, *.done, reasoning and tool progress events carry nothing new
      }
    }
  }

  /** The response of the last {@code response.completed}, {@code .incomplete} or {@code .failed}, or null. */
  public ModelResponse finalResponse() {
    return finalResponse;
  }

  /** The answer; call once {@link #finalResponse()} is known and did not fail. */
  public ChatResult finish() {
    return OpenAiResponsesMapper.toResult(finalResponse, firstTokenMs, text.toString());
  }

  private void firstToken(String delta) {
    if (firstTokenMs == null && delta != null && !delta.isEmpty()) firstTokenMs = elapsedMillis.getAsLong();
  }
}
