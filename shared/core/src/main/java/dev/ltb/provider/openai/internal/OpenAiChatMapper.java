package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
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

/** Maps between the bench's request and response and the Chat Completions wire format. */
public final class OpenAiChatMapper {

  private OpenAiChatMapper() {}

  /** The request body: the settings, the conversation, then {@code passthrough} fields on top. */
  public static ObjectNode toRequest(String model, ChatSettings settings, ProviderRequest request) {
    ChatCompletionRequest body =
        new ChatCompletionRequest(
            model,
            request.messages().stream().map(OpenAiChatMapper::message).toList(),
            settings.temperature(),
            settings.topP(),
            settings.maxTokens(),
            settings.maxCompletionTokens(),
            settings.stop(),
            settings.seed(),
            settings.presencePenalty(),
            settings.frequencyPenalty(),
            settings.responseFormat(),
            settings.tools(),
            settings.toolChoice(),
            settings.parallelToolCalls(),
            settings.logprobs(),
            settings.topLogprobs(),
            settings.reasoningEffort(),
            settings.stream() ? Boolean.TRUE : null,
            settings.stream() ? new ChatCompletionRequest.StreamOptions(true) : null);
    ObjectNode json = Json.mapper().valueToTree(body);
    json.setAll(settings.passthrough());
    return json;
  }

  static ChatCompletionRequest.Message message(ChatMessage message) {
    List<ContentPart> parts = message.content();
    boolean onlyText = parts.stream().allMatch(ContentPart.Text.class::isInstance);
    if (onlyText) return new ChatCompletionRequest.Message(message.role().wireName(), message.text());
    List<ChatCompletionRequest.Part> wire = new ArrayList<>();
    for (ContentPart part : parts) {
      wire.add(
          switch (part) {
            case ContentPart.Text text -> ChatCompletionRequest.Part.text(text.text());
            case ContentPart.Image image ->
                ChatCompletionRequest.Part.image(
                    image.url() != null ? image.url() : "data:" + image.mediaType() + ";base64," + image.base64Data());
          });
    }
    return new ChatCompletionRequest.Message(message.role().wireName(), wire);
  }

  /**
   * The answer of the first choice. A message without text but with tool calls has the calls, in the API's
   * shape, as its output (as promptfoo does), so text assertions can see them; a refusal is the output when
   * there is no content.
   *
   * @throws IllegalArgumentException when the answer has no choice (a malformed response)
   */
  public static ChatResult toResult(ChatCompletion completion) {
    if (completion.choices() == null || completion.choices().isEmpty())
      throw new IllegalArgumentException("the answer has no choices");
    ChatCompletion.Choice choice = completion.choices().getFirst();
    ChatCompletion.AssistantMessage message = choice.message();
    String content = message == null ? "" : text(message.content());
    String refusal = message == null ? null : message.refusal();
    List<ToolCall> toolCalls = new ArrayList<>();
    if (message != null && message.toolCalls() != null) {
      for (ChatCompletion.ToolCall call : message.toolCalls()) toolCalls.add(toolCall(call.id(), call.function()));
    }
    List<TokenLogprob> logprobs = logprobs(choice.logprobs());
    return result(
        content, refusal, toolCalls, choice.finishReason(), completion.usage(), logprobs, null, completion.model());
  }

  static ChatResult result(
      String content,
      String refusal,
      List<ToolCall> toolCalls,
      String finishReason,
      ChatCompletion.Usage usage,
      List<TokenLogprob> logprobs,
      Long timeToFirstTokenMs,
      String model) {
    String output;
    if (!content.isEmpty()) output = content;
    else if (refusal != null && !refusal.isEmpty()) output = refusal;
    else output = toolCallsJson(toolCalls);
    ProviderResponse response =
        new ProviderResponse(
            output, usage(usage), null, FinishReason.fromVendor(finishReason), 0, timeToFirstTokenMs, toolCalls, false,
            logprobs);
    return new ChatResult(response, model, usage != null);
  }

  static List<TokenLogprob> logprobs(ChatCompletion.Logprobs logprobs) {
    if (logprobs == null || logprobs.content() == null) return List.of();
    return logprobs.content().stream()
        .filter(token -> token.token() != null && token.logprob() != null)
        .map(token -> new TokenLogprob(token.token(), token.logprob()))
        .toList();
  }

  /** Text from a content that is a string or a list of {@code {type: text, text}} parts. */
  static String text(JsonNode content) {
    if (content == null || content.isNull()) return "";
    if (content.isTextual()) return content.asText();
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if (part.isTextual()) text.append(part.asText());
      else if (part.path("text").isTextual()) text.append(part.get("text").asText());
    }
    return text.toString();
  }

  static ToolCall toolCall(String id, ChatCompletion.Function function) {
    String name = function == null || function.name() == null ? "" : function.name();
    return new ToolCall(id, name, arguments(function == null ? null : function.arguments()));
  }

  static String arguments(JsonNode arguments) {
    if (arguments == null || arguments.isNull()) return "{}";
    return arguments.isTextual() ? arguments.asText() : arguments.toString();
  }

  private static TokenUsage usage(ChatCompletion.Usage usage) {
    if (usage == null) return TokenUsage.NONE;
    long cached = usage.promptTokensDetails() == null || usage.promptTokensDetails().cachedTokens() == null
        ? 0
        : usage.promptTokensDetails().cachedTokens();
    return new TokenUsage(nonNull(usage.promptTokens()), nonNull(usage.completionTokens()), cached);
  }

  private static long nonNull(Long count) {
    return count == null ? 0 : count;
  }

  static String toolCallsJson(List<ToolCall> toolCalls) {
    if (toolCalls.isEmpty()) return "";
    ArrayNode calls = JsonNodeFactory.instance.arrayNode();
    for (ToolCall call : toolCalls) {
      ObjectNode json = calls.addObject();
      if (call.id() != null) json.put("id", call.id());
      json.put("type", "function");
      json.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
    }
    return calls.toString();
  }
}
