package dev.ltb.provider.gemini.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import dev.ltb.provider.http.HttpErrorMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Maps between the bench's request and response and the Gemini {@code generateContent} wire format. */
public final class GeminiMapper {

  /** Image types Gemini reads, by file extension, for image URLs given without a media type. */
  private static final Map<String, String> IMAGE_TYPES =
      Map.of(
          "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "webp", "image/webp",
          "heic", "image/heic", "heif", "image/heif");

  private GeminiMapper() {}

  /**
   * The request body: system messages become {@code systemInstruction}, the other turns {@code contents}
   * (assistant turns with role {@code model}; a {@code tool} turn is sent as a user turn: the bench's messages
   * carry no function name), then {@code passthrough} fields on top.
   *
   * @throws IllegalArgumentException when the conversation has nothing but system messages
   */
  public static ObjectNode toRequest(GenerationSettings settings, ProviderRequest request) {
    String system =
        request.messages().stream()
            .filter(message -> message.role() == ChatMessage.Role.SYSTEM)
            .map(ChatMessage::text)
            .collect(Collectors.joining("\n\n"));
    List<GenerateContentRequest.Content> contents =
        request.messages().stream()
            .filter(message -> message.role() != ChatMessage.Role.SYSTEM)
            .map(GeminiMapper::content)
            .toList();
    if (contents.isEmpty())
      throw new IllegalArgumentException("the prompt has only system messages; Gemini needs a user turn");
    GenerateContentRequest.Content instruction =
        system.isEmpty()
            ? null
            : new GenerateContentRequest.Content(null, List.of(GenerateContentRequest.Part.text(system)));
    GenerateContentRequest body =
        new GenerateContentRequest(
            contents,
            instruction,
            settings.generationConfig(),
            settings.tools(),
            settings.toolConfig(),
            settings.safetySettings());
    ObjectNode json = Json.mapper().valueToTree(body);
    json.setAll(settings.passthrough());
    return json;
  }

  static GenerateContentRequest.Content content(ChatMessage message) {
    String role = message.role() == ChatMessage.Role.ASSISTANT ? "model" : "user";
    List<GenerateContentRequest.Part> parts = new ArrayList<>();
    for (ContentPart part : message.content()) {
      parts.add(
          switch (part) {
            case ContentPart.Text text -> GenerateContentRequest.Part.text(text.text());
            case ContentPart.Image image when image.base64Data() != null ->
                new GenerateContentRequest.Part(
                    null, new GenerateContentRequest.Blob(image.mediaType(), image.base64Data()), null);
            case ContentPart.Image image ->
                new GenerateContentRequest.Part(
                    null, null, new GenerateContentRequest.FileData(imageType(image), image.url()));
          });
    }
    return new GenerateContentRequest.Content(role, parts);
  }

  /**
   * The first candidate's answer: its text parts joined (thinking summaries left out), its function calls as
   * tool calls; an answer with calls and no text has the calls, in the API's shape, as its output. Gemini
   * stops with {@code STOP} after function calls; the bench reports {@code tool_calls} then, as other vendors
   * do. A blocked prompt (no candidates, {@code promptFeedback}) is an answer with no text that stopped for
   * {@code content_filter}, so suites can assert it.
   *
   * @param timeToFirstTokenMs for a streamed answer, else null
   * @throws IllegalArgumentException when the answer has neither candidates nor prompt feedback
   */
  public static GeminiResult toResult(GenerateContentResponse answer, Long timeToFirstTokenMs) {
    TokenUsage usage = usage(answer.usageMetadata());
    boolean usageReported = answer.usageMetadata() != null;
    if (answer.candidates() == null || answer.candidates().isEmpty()) {
      if (answer.promptFeedback() == null) throw new IllegalArgumentException("the answer has no candidates");
      ProviderResponse blocked =
          new ProviderResponse(
              "", usage, null, FinishReason.CONTENT_FILTER, 0, timeToFirstTokenMs, List.of(), false);
      return new GeminiResult(blocked, answer.modelVersion(), usageReported);
    }
    GenerateContentResponse.Candidate candidate = answer.candidates().getFirst();
    boolean empty = candidate.content() == null || candidate.content().parts() == null;
    List<GenerateContentResponse.Part> parts = empty ? List.of() : candidate.content().parts();
    StringBuilder text = new StringBuilder();
    List<ToolCall> toolCalls = new ArrayList<>();
    ArrayNode calls = JsonNodeFactory.instance.arrayNode();
    for (GenerateContentResponse.Part part : parts) {
      if (part.text() != null && !Boolean.TRUE.equals(part.thought())) text.append(part.text());
      GenerateContentResponse.FunctionCall call = part.functionCall();
      if (call != null) {
        boolean noArgs = call.args() == null || call.args().isNull();
        JsonNode args = noArgs ? JsonNodeFactory.instance.objectNode() : call.args();
        toolCalls.add(new ToolCall(call.id(), call.name() == null ? "" : call.name(), args.toString()));
        ObjectNode functionCall = calls.addObject().putObject("functionCall");
        if (call.id() != null) functionCall.put("id", call.id());
        functionCall.put("name", call.name()).set("args", args);
      }
    }
    FinishReason finish = FinishReason.fromVendor(candidate.finishReason());
    if (finish == FinishReason.STOP && !toolCalls.isEmpty()) finish = FinishReason.TOOL_CALLS;
    String output = !text.isEmpty() || toolCalls.isEmpty() ? text.toString() : calls.toString();
    List<TokenLogprob> logprobs = logprobs(candidate.logprobsResult());
    ProviderResponse response =
        new ProviderResponse(output, usage, null, finish, 0, timeToFirstTokenMs, toolCalls, false, logprobs);
    return new GeminiResult(response, answer.modelVersion(), usageReported);
  }

  static List<TokenLogprob> logprobs(GenerateContentResponse.LogprobsResult result) {
    if (result == null || result.chosenCandidates() == null) return List.of();
    return result.chosenCandidates().stream()
        .filter(token -> token.token() != null && token.logProbability() != null)
        .map(token -> new TokenLogprob(token.token(), token.logProbability()))
        .toList();
  }

  /**
   * Prompt tokens include those read from a context cache ("cached") and tool-use prompt tokens; output tokens
   * include thinking tokens, which are billed as output.
   */
  static TokenUsage usage(GenerateContentResponse.UsageMetadata usage) {
    if (usage == null) return TokenUsage.NONE;
    long input = count(usage.promptTokenCount()) + count(usage.toolUsePromptTokenCount());
    long output = count(usage.candidatesTokenCount()) + count(usage.thoughtsTokenCount());
    return new TokenUsage(input, output, Math.min(count(usage.cachedContentTokenCount()), input));
  }

  /**
   * An error inside a stream (the HTTP status was already 200), a {@code google.rpc.Status}: mapped by its
   * {@code status} as the HTTP status of the same error would be.
   */
  public static ProviderException streamError(String providerId, JsonNode error, String data) {
    String message = providerId + ": the server failed while streaming: " + HttpErrorMapper.vendorMessage(data);
    return switch (error == null ? "" : error.path("status").asText()) {
      case "RESOURCE_EXHAUSTED" -> new ProviderException.RateLimited(message, 200, null);
      case "UNAUTHENTICATED", "PERMISSION_DENIED" -> new ProviderException.Authentication(message, 200);
      case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "NOT_FOUND", "OUT_OF_RANGE" ->
          new ProviderException.InvalidRequest(message, 200);
      case "DEADLINE_EXCEEDED" -> new ProviderException.Timeout(message, null);
      default -> new ProviderException.ServerError(message, 200, null);
    };
  }

  private static String imageType(ContentPart.Image image) {
    if (image.mediaType() != null) return image.mediaType();
    String path = image.url().replaceAll("[?#].*$", "");
    String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return IMAGE_TYPES.get(extension);
  }

  private static long count(Long tokens) {
    return tokens == null ? 0 : tokens;
  }
}
