package dev.ltb.provider.cohere.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/** Maps between the bench's request and response and Cohere's Chat API v2. */
public final class CohereMapper {

  private CohereMapper() {}

  /** The body: the conversation (images as {@code image_url} parts), the settings, then {@code passthrough}. */
  public static ObjectNode toRequest(String model, CohereSettings settings, ProviderRequest request) {
    CohereChatRequest body =
        new CohereChatRequest(
            model,
            request.messages().stream().map(CohereMapper::message).toList(),
            settings.tools(),
            settings.strictTools(),
            settings.responseFormat(),
            settings.safetyMode(),
            settings.maxTokens(),
            settings.stopSequences(),
            settings.temperature(),
            settings.seed(),
            settings.frequencyPenalty(),
            settings.presencePenalty(),
            settings.k(),
            settings.p(),
            settings.logprobs(),
            settings.toolChoice(),
            settings.thinking(),
            settings.stream());
    ObjectNode json = Json.mapper().valueToTree(body);
    json.setAll(settings.passthrough());
    return json;
  }

  static CohereChatRequest.Message message(ChatMessage message) {
    List<ContentPart> parts = message.content();
    if (parts.stream().allMatch(ContentPart.Text.class::isInstance))
      return new CohereChatRequest.Message(message.role().wireName(), message.text());
    List<CohereChatRequest.Part> wire =
        parts.stream()
            .map(
                part ->
                    switch (part) {
                      case ContentPart.Text text -> CohereChatRequest.Part.text(text.text());
                      case ContentPart.Image image -> CohereChatRequest.Part.image(image.asUrl());
                    })
            .toList();
    return new CohereChatRequest.Message(message.role().wireName(), wire);
  }

  /**
   * Cohere's finish reason: COMPLETE and STOP_SEQUENCE are a stop, MAX_TOKENS a length, TOOL_CALL tool calls,
   * ERROR and TIMEOUT (the generation failed or was cut by Cohere's own time limit) an error.
   */
  public static FinishReason finishReason(String reason) {
    if (reason != null && reason.equalsIgnoreCase("TIMEOUT")) return FinishReason.ERROR;
    return FinishReason.fromVendor(reason);
  }

  /**
   * Usage in billed units (what Cohere charges, and so what the cost is computed on), else in tokens (which
   * include the tokens Cohere adds around the prompt).
   */
  public static TokenUsage usage(CohereChatResponse.Usage usage) {
    if (usage == null) return TokenUsage.NONE;
    CohereChatResponse.Tokens counted = usage.billedUnits() != null ? usage.billedUnits() : usage.tokens();
    if (counted == null) return TokenUsage.NONE;
    return new TokenUsage(count(counted.inputTokens()), count(counted.outputTokens()));
  }

  /**
   * One logprob per token. Cohere gives them per chunk of text; the chunk's text goes with its first token and
   * the chunk's other tokens get an empty text, so the count of tokens (and so the perplexity) stays right.
   */
  public static List<TokenLogprob> logprobs(List<CohereChatResponse.LogprobItem> items) {
    if (items == null) return List.of();
    List<TokenLogprob> logprobs = new ArrayList<>();
    for (CohereChatResponse.LogprobItem item : items) addLogprobs(item, logprobs);
    return List.copyOf(logprobs);
  }

  static void addLogprobs(CohereChatResponse.LogprobItem item, List<TokenLogprob> into) {
    if (item == null || item.logprobs() == null) return;
    for (int i = 0; i < item.logprobs().size(); i++) {
      Double logprob = item.logprobs().get(i);
      if (logprob == null) continue;
      into.add(new TokenLogprob(i == 0 && item.text() != null ? item.text() : "", logprob));
    }
  }

  static String arguments(JsonNode arguments) {
    if (arguments == null || arguments.isNull()) return "";
    return arguments.isTextual() ? arguments.asText() : arguments.toString();
  }

  private static long count(Double count) {
    return count == null ? 0 : Math.round(count);
  }
}
