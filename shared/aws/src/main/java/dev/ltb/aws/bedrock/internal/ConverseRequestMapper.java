package dev.ltb.aws.bedrock.internal;

import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.S3Location;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Builds Converse and ConverseStream requests: system messages become the {@code system} blocks, user and
 * tool messages user turns (a tool message is a {@code toolResult}), assistant messages assistant turns
 * (with their {@code toolUse} blocks). Consecutive turns of the same role are merged, as Converse requires
 * the roles to alternate. Images are sent as bytes (from base64 data, a data: URL or a file) or as an S3
 * location; Bedrock does not fetch http(s) URLs.
 */
public final class ConverseRequestMapper {

  private final String providerId;
  private final String modelId;
  private final ConverseOptions options;
  private final Path baseDir;

  public ConverseRequestMapper(String providerId, String modelId, ConverseOptions options, Path baseDir) {
    this.providerId = Objects.requireNonNull(providerId, "providerId");
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    this.options = Objects.requireNonNull(options, "options");
    this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
  }

  /** The conversation in Converse's shape. */
  public record Conversation(List<SystemContentBlock> system, List<Message> messages) {}

  public ConverseRequest converse(ProviderRequest request) {
    Conversation conversation = conversation(request.messages());
    ConverseRequest.Builder builder = ConverseRequest.builder().modelId(modelId).messages(conversation.messages());
    if (!conversation.system().isEmpty()) builder.system(conversation.system());
    if (options.inference() != null) builder.inferenceConfig(options.inference());
    if (options.tools() != null) builder.toolConfig(options.tools());
    if (options.additionalModelRequestFields() != null)
      builder.additionalModelRequestFields(options.additionalModelRequestFields());
    if (options.output() != null) builder.outputConfig(options.output());
    if (options.guardrail() != null) builder.guardrailConfig(options.guardrail().forConverse());
    return builder.build();
  }

  public ConverseStreamRequest converseStream(ProviderRequest request) {
    Conversation conversation = conversation(request.messages());
    ConverseStreamRequest.Builder builder =
        ConverseStreamRequest.builder().modelId(modelId).messages(conversation.messages());
    if (!conversation.system().isEmpty()) builder.system(conversation.system());
    if (options.inference() != null) builder.inferenceConfig(options.inference());
    if (options.tools() != null) builder.toolConfig(options.tools());
    if (options.additionalModelRequestFields() != null)
      builder.additionalModelRequestFields(options.additionalModelRequestFields());
    if (options.output() != null) builder.outputConfig(options.output());
    if (options.guardrail() != null) builder.guardrailConfig(options.guardrail().forConverseStream());
    return builder.build();
  }

  public Conversation conversation(List<ChatMessage> chat) {
    List<SystemContentBlock> system = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    ConversationRole turnRole = null;
    List<ContentBlock> turn = new ArrayList<>();
    for (ChatMessage message : chat) {
      if (message.role() == ChatMessage.Role.SYSTEM) {
        if (message.content().stream().anyMatch(ContentPart.Image.class::isInstance))
          throw invalid("Bedrock takes images in user messages only, not in the system prompt");
        if (!message.text().isBlank()) system.add(SystemContentBlock.fromText(message.text()));
        continue;
      }
      ConversationRole role = message.role() == ChatMessage.Role.ASSISTANT ? ConversationRole.ASSISTANT : ConversationRole.USER;
      if (role != turnRole && turnRole != null) {
        messages.add(message(turnRole, turn, messages.size()));
        turn = new ArrayList<>();
      }
      turnRole = role;
      turn.addAll(blocks(message));
    }
    if (turnRole == null) throw invalid("the prompt has no user message (Bedrock needs at least one besides the system prompt)");
    messages.add(message(turnRole, turn, messages.size()));
    return new Conversation(List.copyOf(system), List.copyOf(messages));
  }

  private Message message(ConversationRole role, List<ContentBlock> blocks, int index) {
    if (blocks.isEmpty()) throw invalid("message " + (index + 1) + " (" + role + ") is empty; Bedrock rejects blank messages");
    return Message.builder().role(role).content(List.copyOf(blocks)).build();
  }

  private List<ContentBlock> blocks(ChatMessage message) {
    if (message.role() == ChatMessage.Role.TOOL) return List.of(toolResult(message));
    List<ContentBlock> blocks = new ArrayList<>();
    for (ContentPart part : message.content()) {
      switch (part) {
        case ContentPart.Text text -> {
          if (!text.text().isBlank()) blocks.add(ContentBlock.fromText(text.text()));
        }
        case ContentPart.Image image -> blocks.add(ContentBlock.fromImage(image(image)));
      }
    }
    for (ToolCall call : message.toolCalls()) blocks.add(ContentBlock.fromToolUse(toolUse(call)));
    return blocks;
  }

  private ToolUseBlock toolUse(ToolCall call) {
    if (call.id() == null || call.id().isBlank())
      throw invalid("the assistant's call of tool " + call.name() + " has no id; Bedrock needs it to match the result");
    Document input = Documents.parseObject(call.argumentsJson()).orElse(Document.fromMap(java.util.Map.of()));
    return ToolUseBlock.builder().toolUseId(call.id()).name(call.name()).input(input).build();
  }

  /** A tool's result: JSON objects are sent as {@code json} content, anything else as text. */
  private ContentBlock toolResult(ChatMessage message) {
    if (message.toolCallId() == null || message.toolCallId().isBlank())
      throw invalid("a tool message needs the id of the tool call it answers (toolCallId)");
    String result = message.text();
    ToolResultContentBlock content =
        Documents.parseObject(result)
            .map(ToolResultContentBlock::fromJson)
            .orElseGet(() -> ToolResultContentBlock.fromText(result.isEmpty() ? "(empty)" : result));
    return ContentBlock.fromToolResult(
        ToolResultBlock.builder().toolUseId(message.toolCallId()).content(content).build());
  }

  private ImageBlock image(ContentPart.Image image) {
    if (image.base64Data() != null)
      return bytes(format(image.mediaType(), "inline image"), decode(image.base64Data(), "inline image"));
    String url = image.url().strip();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("data:")) return dataUrl(url);
    if (lower.startsWith("s3://")) {
      ImageFormat format = format(image.mediaType() != null ? image.mediaType() : fromExtension(url), url);
      return ImageBlock.builder()
          .format(format)
          .source(ImageSource.fromS3Location(S3Location.builder().uri(url).build()))
          .build();
    }
    if (lower.startsWith("http://") || lower.startsWith("https://"))
      throw invalid(
          "Bedrock does not fetch images from URLs (" + shortened(url) + "); give the image as a file (file://path) "
              + "or as base64 data");
    Path path = path(url);
    try {
      byte[] bytes = Files.readAllBytes(path);
      return bytes(format(image.mediaType() != null ? image.mediaType() : fromExtension(path.toString()), url), bytes);
    } catch (IOException e) {
      throw invalid("cannot read image file " + path + ": " + e.getClass().getSimpleName());
    }
  }

  /** {@code file:///abs/cat.png}, {@code file://cat.png} or a plain path; relative paths start at the suite. */
  private Path path(String url) {
    String location = url.replaceFirst("(?i)^file:(//)?", "");
    Path path = Path.of(location);
    return path.isAbsolute() ? path : baseDir.resolve(path).normalize();
  }

  private ImageBlock dataUrl(String url) {
    int comma = url.indexOf(',');
    String header = comma < 0 ? "" : url.substring(5, comma);
    if (comma < 0 || !header.toLowerCase(Locale.ROOT).endsWith(";base64"))
      throw invalid("an image data: URL must be base64, like data:image/png;base64,...");
    String mediaType = header.substring(0, header.length() - ";base64".length());
    return bytes(format(mediaType, "data: URL"), decode(url.substring(comma + 1), "data: URL"));
  }

  private static ImageBlock bytes(ImageFormat format, byte[] bytes) {
    return ImageBlock.builder().format(format).source(ImageSource.fromBytes(SdkBytes.fromByteArray(bytes))).build();
  }

  private byte[] decode(String base64, String what) {
    try {
      return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw invalid("the " + what + " is not valid base64: " + e.getMessage());
    }
  }

  private ImageFormat format(String mediaType, String what) {
    String type = mediaType == null ? "" : mediaType.strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "image/png", "png" -> ImageFormat.PNG;
      case "image/jpeg", "image/jpg", "jpeg", "jpg" -> ImageFormat.JPEG;
      case "image/gif", "gif" -> ImageFormat.GIF;
      case "image/webp", "webp" -> ImageFormat.WEBP;
      default -> throw invalid(
          "Bedrock takes png, jpeg, gif and webp images; " + shortened(what) + " is "
              + (type.isEmpty() ? "of unknown type (give its media type)" : type));
    };
  }

  private static String fromExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : name.substring(dot + 1);
  }

  private static String shortened(String url) {
    return url.length() <= 80 ? url : url.substring(0, 77) + "...";
  }

  private ProviderException invalid(String problem) {
    return new ProviderException.InvalidRequest(providerId + ": " + problem, 0);
  }
}
