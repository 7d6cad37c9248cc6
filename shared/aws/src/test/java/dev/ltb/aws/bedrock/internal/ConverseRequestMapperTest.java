package dev.ltb.aws.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ToolCall;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.S3Location;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

class ConverseRequestMapperTest {

  private static final ConverseOptions DEFAULTS = new ConverseOptions(false, null, null, null, null, null);

  private final ConverseRequestMapper mapper = new ConverseRequestMapper("bedrock:m", "m", DEFAULTS, Path.of("/suites/demo"));

  @Test
  void putsSystemMessagesApartAndMergesTurnsOfTheSameRole() {
    ConverseRequestMapper.Conversation conversation =
        mapper.conversation(
            List.of(
                ChatMessage.system("Be brief."),
                ChatMessage.user("Hi."),
                ChatMessage.user("What is 2 + 2?"),
                ChatMessage.assistant("4"),
                ChatMessage.system("Answer in French."),
                ChatMessage.user("And 3 + 3?")));

    assertThat(conversation.system())
        .containsExactly(SystemContentBlock.fromText("Be brief."), SystemContentBlock.fromText("Answer in French."));
    assertThat(conversation.messages())
        .containsExactly(
            message(ConversationRole.USER, ContentBlock.fromText("Hi."), ContentBlock.fromText("What is 2 + 2?")),
            message(ConversationRole.ASSISTANT, ContentBlock.fromText("4")),
            message(ConversationRole.USER, ContentBlock.fromText("And 3 + 3?")));
  }

  @Test
  void sendsToolCallsAndTheirResultsWithTheirIds() {
    ConverseRequestMapper.Conversation conversation =
        mapper.conversation(
            List.of(
                ChatMessage.user("Weather in Paris and Rome?"),
                ChatMessage.assistant("Checking.", List.of(
                    new ToolCall("t1", "get_weather", "{\"city\": \"Paris\"}"), new ToolCall("t2", "get_weather", "{\"city\": \"Rome\"}"))),
                ChatMessage.toolResult("t1", "{\"celsius\": 21}"),
                ChatMessage.toolResult("t2", "Station not found.")));

    assertThat(conversation.messages())
        .containsExactly(
            message(ConversationRole.USER, ContentBlock.fromText("Weather in Paris and Rome?")),
            message(
                ConversationRole.ASSISTANT,
                ContentBlock.fromText("Checking."),
                ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId("t1").name("get_weather")
                    .input(Document.fromMap(Map.of("city", Document.fromString("Paris")))).build()),
                ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId("t2").name("get_weather")
                    .input(Document.fromMap(Map.of("city", Document.fromString("Rome")))).build())),
            message(
                ConversationRole.USER,
                ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId("t1")
                    .content(ToolResultContentBlock.fromJson(Document.fromMap(Map.of("celsius", Document.fromNumber(21L))))).build()),
                ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId("t2")
                    .content(ToolResultContentBlock.fromText("Station not found.")).build())));
  }

  @Test
  void sendsImagesFromDataUrlsAndS3() {
    ChatMessage message =
        new ChatMessage(
            ChatMessage.Role.USER,
            List.of(
                new ContentPart.Image("data:image/webp;base64,AAEC", null, null),
                new ContentPart.Image("s3://my-bucket/cats/cat.PNG", null, null)));

    assertThat(mapper.conversation(List.of(message)).messages().getFirst().content())
        .containsExactly(
            ContentBlock.fromImage(ImageBlock.builder().format(ImageFormat.WEBP)
                .source(ImageSource.fromBytes(SdkBytes.fromByteArray(new byte[] {0, 1, 2}))).build()),
            ContentBlock.fromImage(ImageBlock.builder().format(ImageFormat.PNG)
                .source(ImageSource.fromS3Location(S3Location.builder().uri("s3://my-bucket/cats/cat.PNG").build())).build()));
  }

  @Test
  void buildsConverseAndConverseStreamRequestsForTheModel() {
    ProviderRequest request = ProviderRequest.ofText("hi");

    assertThat(mapper.converse(request).modelId()).isEqualTo("m");
    assertThat(mapper.converse(request).hasSystem()).isFalse();
    assertThat(mapper.converseStream(request).messages()).isEqualTo(mapper.converse(request).messages());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          only a system prompt  | bedrock:m: the prompt has no user message (Bedrock needs at least one besides the system prompt)
          blank user message    | bedrock:m: message 1 (user) is empty; Bedrock rejects blank messages
          tool result without id| bedrock:m: a tool message needs the id of the tool call it answers (toolCallId)
          tool call without id  | bedrock:m: the assistant's call of tool lookup has no id; Bedrock needs it to match the result
          image in system       | bedrock:m: Bedrock takes images in user messages only, not in the system prompt
          bmp image             | bedrock:m: Bedrock takes png, jpeg, gif and webp images; inline image is image/bmp
          image without type    | bedrock:m: Bedrock takes png, jpeg, gif and webp images; s3://bucket/cat is of unknown type (give its media type)
          bad base64            | bedrock:m: the inline image is not valid base64: Illegal base64 character 21
          missing file          | bedrock:m: cannot read image file /suites/demo/missing.png: NoSuchFileException
          plain data url        | bedrock:m: an image data: URL must be base64, like data:image/png;base64,...
          """)
  void refusesWhatBedrockCannotTake(String label, String message) {
    List<ChatMessage> chat =
        switch (label) {
          case "only a system prompt" -> List.of(ChatMessage.system("Be brief."));
          case "blank user message" -> List.of(ChatMessage.user("  "));
          case "tool result without id" -> List.of(ChatMessage.user("hi"), new ChatMessage(ChatMessage.Role.TOOL, List.of(new ContentPart.Text("42"))));
          case "tool call without id" -> List.of(ChatMessage.user("hi"), ChatMessage.assistant("", List.of(new ToolCall(null, "lookup", "{}"))));
          case "image in system" -> List.of(new ChatMessage(ChatMessage.Role.SYSTEM, List.of(image(null, "image/png", "AA=="))));
          case "bmp image" -> List.of(userWith(image(null, "image/bmp", "AA==")));
          case "image without type" -> List.of(userWith(image("s3://bucket/cat", null, null)));
          case "bad base64" -> List.of(userWith(image(null, "image/png", "!!!")));
          case "missing file" -> List.of(userWith(image("file:missing.png", null, null)));
          case "plain data url" -> List.of(userWith(image("data:image/png,rawbytes", null, null)));
          default -> throw new IllegalArgumentException(label);
        };

    assertThatThrownBy(() -> mapper.conversation(chat))
        .isInstanceOfSatisfying(ProviderException.InvalidRequest.class, e -> assertThat(e.httpStatus()).isZero())
        .hasMessage(message);
  }

  private static ContentPart.Image image(String url, String mediaType, String base64) {
    return new ContentPart.Image(url, mediaType, base64);
  }

  private static ChatMessage userWith(ContentPart part) {
    return new ChatMessage(ChatMessage.Role.USER, List.of(part));
  }

  private static Message message(ConversationRole role, ContentBlock... blocks) {
    return Message.builder().role(role).content(blocks).build();
  }
}
