package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatMessageTest {

  @Test
  void anAssistantTurnCarriesItsToolCallsAndAToolMessageTheIdItAnswers() {
    ToolCall call = new ToolCall("t1", "get_weather", "{\"city\":\"Paris\"}");

    ChatMessage assistant = ChatMessage.assistant("", List.of(call));
    ChatMessage result = ChatMessage.toolResult("t1", "{\"celsius\":21}");

    assertThat(assistant).isEqualTo(new ChatMessage(ChatMessage.Role.ASSISTANT, List.of(), List.of(call), null));
    assertThat(result.role()).isEqualTo(ChatMessage.Role.TOOL);
    assertThat(result.toolCallId()).isEqualTo("t1");
    assertThat(result.text()).isEqualTo("{\"celsius\":21}");
    assertThat(ChatMessage.user("hi").toolCalls()).isEmpty();
    assertThat(ChatMessage.user("hi").toolCallId()).isNull();
  }

  @Test
  void onlyAnAssistantCallsTools() {
    assertThatThrownBy(
            () -> new ChatMessage(ChatMessage.Role.USER, List.of(), List.of(new ToolCall("t1", "x", "{}")), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only an assistant message carries tool calls, not a user one");
  }
}
