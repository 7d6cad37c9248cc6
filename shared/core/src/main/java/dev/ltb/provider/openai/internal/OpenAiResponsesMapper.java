package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** Maps between the bench's request and response and the Responses API wire format. */
public final class OpenAiResponsesMapper {

  /** The {@code include} value that asks for logprobs of the output text. */
  static final String LOGPROBS_INCLUDE = "message.output_text.logprobs";

  private OpenAiResponsesMapper() {}

  /**
   * The request body. Leading system messages become {@code instructions} (after config {@code
   * instructions}); the rest of the conversation is the {@code input}: a plain string for a single text
   * message from the user, else a list of messages whose images are {@code input_image} parts. The settings
   * follow, then {@code passthrough} fields on top.
   *
   * @throws IllegalArgumentException for a {@code tool} message, which the Responses API takes only as a
   *     {@code function_call_output} with the id of the call it answers
   */
  public static ObjectNode toRequest(String model, ResponsesSettings settings, ProviderRequest request) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model);
    List<ChatMessage> messages = request.messages();
    int leadingSystem = 0;
    while (leadingSystem < messages.size() && messages.get(leadingSystem).role() == ChatMessage.Role.SYSTEM)
      leadingSystem++;
    if (leadingSystem == messages.size()) leadingSystem = 0; // nothing else to send: keep them as input
    List<String> instructions = new ArrayList<>();
    if (settings.instructions() != null) instructions.add(settings.instructions());
    messages.subList(0, leadingSystem).forEach(message -> instructions.add(message.text()));
    if (!instructions.isEmpty()) body.put("instructions", String.join("\n\n", instructions));
    input(body, messages.subList(leadingSystem, messages.size()));

    if (settings.temperature() != null) body.put("temperature", settings.temperature());
    if (settings.topP() != null) body.put("top_p", settings.topP());
    if (settings.maxOutputTokens() != null) body.put("max_output_tokens", settings.maxOutputTokens());
    if (settings.tools() != null) body.set("tools", settings.tools());
    if (settings.toolChoice() != null) body.set("tool_choice", settings.toolChoice());
    if (settings.parallelToolCalls() != null) body.put("parallel_tool_calls", settings.parallelToolCalls());
    if (settings.reasoning() != null) body.set("reasoning", settings.reasoning());
    if (settings.text() != null) body.set("text", settings.text());
    if (settings.topLogprobs() != null) body.put("top_logprobs", settings.topLogprobs());
    if (settings.logprobs()) body.putArray("include").add(LOGPROBS_INCLUDE);
    if (settings.stream()) body.put("stream", true);
    body.setAll(settings.passthrough());
    return body;
  }

  private static void input(ObjectNode body, List<ChatMessage> messages) {
    ChatMessage first = messages.getFirst();
    if (messages.size() == 1 && first.role() == ChatMessage.Role.USER && onlyText(first)) {
      body.put("input", first.text());
      return;
    }
    ArrayNode input = body.putArray("input");
    for (ChatMessage message : messages) {
      if (message.role() == ChatMessage.Role.TOOL) {
        throw new IllegalArgumentException(
            "a tool message cannot be sent to the Responses API (it needs the id of the call it answers); use"
                + " openai:chat for conversations with tool results");
      }
      ObjectNode item = input.addObject().put("role", message.role().wireName());
      if (onlyText(message) || message.role() != ChatMessage.Role.USER) {
        item.put("content", message.text());
        continue;
      }
      ArrayNode content = item.putArray("content");
      for (ContentPart part : message.content()) {
        switch (part) {
          case ContentPart.Text text -> content.addObject().put("type", "input_text").put("text", text.text());
          case ContentPart.Image image ->
              content
                  .addObject()
                  .put("type", "input_image")
                  .put("image_url", image.url() != null
                      ? image.url()
                      : "data:" + image.mediaType() + ";base64," + image.base64Data())
                  .put("detail", "auto");
        }
      }
    }
  }

  private static boolean onlyText(ChatMessage message) {
    return message.content().stream().allMatch(ContentPart.Text.class::isInstance);
  }

  /** Whether the response failed (its {@code error} says why). */
  public static boolean failed(ModelResponse response) {
    return "failed".equals(response.status());
  }

  /**
   * The answer: the text of the message items (or the refusal when there is no text), the {@code
   * function_call} items as tool calls (and as the output, in the Chat Completions shape, when there is no
   * text), usage with cached input tokens, logprobs when included, and the finish reason: {@code incomplete}
   * for {@code max_output_tokens} → length, for {@code content_filter} → content filter; {@code completed}
   * with function calls → tool calls, else stop.
   *
   * @param timeToFirstTokenMs for a streamed answer, else null
   * @param streamedText the text deltas of a stream, used when the final response carries no message text
   */
  public static ChatResult toResult(ModelResponse response, Long timeToFirstTokenMs, String streamedText) {
    StringBuilder text = new StringBuilder();
    StringBuilder refusal = new StringBuilder();
    List<ToolCall> toolCalls = new ArrayList<>();
    List<TokenLogprob> logprobs = new ArrayList<>();
    List<ModelResponse.OutputItem> items = response.output() == null ? List.of() : response.output();
    for (ModelResponse.OutputItem item : items) {
      switch (item.type() == null ? "" : item.type()) {
        case "message" -> {
          if (item.content() == null) continue;
          for (ModelResponse.Content content : item.content()) {
            if ("output_text".equals(content.type()) && content.text() != null) {
              text.append(content.text());
              logprobs.addAll(logprobs(content.logprobs()));
            } else if ("refusal".equals(content.type()) && content.refusal() != null) {
              refusal.append(content.refusal());
            }
          }
        }
        case "function_call" ->
            toolCalls.add(
                new ToolCall(
                    item.callId() != null ? item.callId() : item.id(),
                    item.name() == null ? "" : item.name(),
                    OpenAiChatMapper.arguments(item.arguments())));
        default -> {
          // reasoning summaries and built-in tool calls are not part of the answer
        }
      }
    }
    String content = text.isEmpty() && streamedText != null ? streamedText : text.toString();
    String output;
    if (!content.isEmpty()) output = content;
    else if (!refusal.isEmpty()) output = refusal.toString();
    else output = OpenAiChatMapper.toolCallsJson(toolCalls);
    ProviderResponse answer =
        new ProviderResponse(
            output, usage(response.usage()), null, finishReason(response, toolCalls), 0, timeToFirstTokenMs,
            toolCalls, false, logprobs);
    return new ChatResult(answer, response.model(), response.usage() != null);
  }

  private static FinishReason finishReason(ModelResponse response, List<ToolCall> toolCalls) {
    return switch (response.status() == null ? "" : response.status()) {
      case "incomplete" -> {
        ModelResponse.IncompleteDetails details = response.incompleteDetails();
        yield FinishReason.fromVendor(details == null ? null : details.reason());
      }
      case "completed" -> toolCalls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
      default -> FinishReason.UNKNOWN;
    };
  }

  private static List<TokenLogprob> logprobs(List<ModelResponse.Logprob> logprobs) {
    if (logprobs == null) return List.of();
    return logprobs.stream()
        .filter(token -> token.token() != null && token.logprob() != null)
        .map(token -> new TokenLogprob(token.token(), token.logprob()))
        .toList();
  }

  private static TokenUsage usage(ModelResponse.Usage usage) {
    if (usage == null) return TokenUsage.NONE;
    long cached = usage.inputTokensDetails() == null || usage.inputTokensDetails().cachedTokens() == null
        ? 0
        : usage.inputTokensDetails().cachedTokens();
    long input = usage.inputTokens() == null ? 0 : usage.inputTokens();
    long output = usage.outputTokens() == null ? 0 : usage.outputTokens();
    return new TokenUsage(input, output, cached);
  }
}
