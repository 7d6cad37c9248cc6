package dev.ltb.provider.cohere.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Assembles a Cohere answer: a whole response, or the events of a stream (text deltas appended, tool calls
 * assembled from {@code tool-call-start} and their argument deltas by index, finish reason and usage from
 * {@code message-end}, the first token timed). Thinking content is not part of the output.
 */
public final class CohereAnswer {

  private final LongSupplier elapsedMillis;
  private final StringBuilder text = new StringBuilder();
  private final Map<Integer, PartialToolCall> toolCalls = new TreeMap<>();
  private final List<TokenLogprob> logprobs = new ArrayList<>();
  private String finishReason;
  private CohereChatResponse.Usage usage;
  private String error;
  private boolean ended;
  private Long firstTokenMs;

  /** @param elapsedMillis time since the request was sent, or null when the answer is not streamed */
  public CohereAnswer(LongSupplier elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  /** Reads a whole (non-streamed) response. */
  public void accept(CohereChatResponse response) {
    CohereChatResponse.Message message = response.message();
    if (message != null && message.content() != null) {
      for (CohereChatResponse.Content content : message.content()) {
        if ("text".equals(content.type()) && content.text() != null) text.append(content.text());
      }
    }
    if (message != null && message.toolCalls() != null) {
      for (CohereChatResponse.ToolCall call : message.toolCalls()) {
        PartialToolCall partial = toolCalls.computeIfAbsent(toolCalls.size(), i -> new PartialToolCall());
        partial.id = call.id();
        if (call.function() != null) {
          partial.name.append(call.function().name() == null ? "" : call.function().name());
          partial.arguments.append(CohereMapper.arguments(call.function().arguments()));
        }
      }
    }
    logprobs.addAll(CohereMapper.logprobs(response.logprobs()));
    finishReason = response.finishReason();
    usage = response.usage();
    ended = true;
  }

  /** Reads one event of a stream. */
  public void accept(CohereStreamEvent event) {
    JsonNode delta = event.delta() == null ? Json.mapper().missingNode() : event.delta();
    int index = event.index() == null ? 0 : event.index();
    switch (event.type() == null ? "" : event.type()) {
      case "content-delta" -> {
        String piece = delta.path("message").path("content").path("text").asText("");
        if (!piece.isEmpty()) firstToken();
        text.append(piece);
        addLogprobs(event.logprobs());
      }
      case "tool-call-start" -> {
        JsonNode call = first(delta.path("message").path("tool_calls"));
        PartialToolCall partial = toolCalls.computeIfAbsent(index, i -> new PartialToolCall());
        if (call.path("id").isTextual()) partial.id = call.get("id").asText();
        partial.name.append(call.path("function").path("name").asText(""));
        partial.arguments.append(CohereMapper.arguments(call.path("function").get("arguments")));
        firstToken();
      }
      case "tool-call-delta" -> {
        JsonNode call = first(delta.path("message").path("tool_calls"));
        toolCalls
            .computeIfAbsent(index, i -> new PartialToolCall())
            .arguments
            .append(CohereMapper.arguments(call.path("function").get("arguments")));
      }
      case "message-end" -> {
        if (delta.path("finish_reason").isTextual()) finishReason = delta.get("finish_reason").asText();
        if (delta.has("usage"))
          usage = Json.mapper().convertValue(delta.get("usage"), CohereChatResponse.Usage.class);
        if (delta.path("error").isTextual() && !delta.get("error").asText().isBlank()) error = delta.get("error").asText();
        ended = true;
      }
      default -> {
        // message-start, content-start/end, tool-plan-delta, tool-call-end, citations: nothing to keep
      }
    }
  }

  /** True once the answer is complete (a whole response, or a stream's {@code message-end}). */
  public boolean ended() {
    return ended;
  }

  /** The error {@code message-end} reported, or null. */
  public String error() {
    return error;
  }

  public boolean usageReported() {
    return usage != null;
  }

  /** The answer: the text, or the tool calls as JSON when there is no text. */
  public ProviderResponse toResponse() {
    List<ToolCall> calls = toolCalls.values().stream().map(PartialToolCall::toToolCall).toList();
    String output = text.isEmpty() ? ToolCall.outputJson(calls) : text.toString();
    return new ProviderResponse(
        output, CohereMapper.usage(usage), null, CohereMapper.finishReason(finishReason), 0, firstTokenMs, calls,
        false, logprobs);
  }

  private void addLogprobs(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return;
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) node.forEach(items::add);
    else items.add(node);
    for (JsonNode item : items)
      CohereMapper.addLogprobs(Json.mapper().convertValue(item, CohereChatResponse.LogprobItem.class), logprobs);
  }

  private void firstToken() {
    if (firstTokenMs == null && elapsedMillis != null) firstTokenMs = elapsedMillis.getAsLong();
  }

  /** {@code tool_calls} in a delta is one call (as documented) or, defensively, a list of one. */
  private static JsonNode first(JsonNode calls) {
    return calls.isArray() ? calls.path(0) : calls;
  }

  private static final class PartialToolCall {
    private String id;
    private final StringBuilder name = new StringBuilder();
    private final StringBuilder arguments = new StringBuilder();

    ToolCall toToolCall() {
      return new ToolCall(id, name.toString(), arguments.isEmpty() ? "{}" : arguments.toString());
    }
  }
}
