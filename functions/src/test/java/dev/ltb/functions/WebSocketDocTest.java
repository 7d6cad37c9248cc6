package dev.ltb.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.progress.ProgressMessages;
import dev.ltb.progress.WebSocketSessions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/api/websocket.md documents every message type and error code the door sends, and both handlers exist. */
class WebSocketDocTest {

  private final String doc = StateMachineFiles.text(StateMachineFiles.ROOT.resolve("docs/api/websocket.md"));

  @Test
  void everyMessageTypeAndErrorCodeHasItsRow() {
    List<String> types = new ArrayList<>(List.of(ProgressMessages.RUN_STARTED, ProgressMessages.ITEMS_COMPLETED));
    types.addAll(ProgressMessages.TERMINAL);
    types.addAll(List.of("subscribed", "unsubscribed", "error"));
    for (String type : types) assertThat(doc).as(type).contains("| `" + type + "` |");
    for (String code : WebSocketSessions.ERROR_CODES) assertThat(doc).as(code).contains("| `" + code + "` |");
    assertThat(doc).contains("at most " + WebSocketSessions.MAX_SUBSCRIPTIONS + " runs");
  }

  @Test
  void theHandlersTheDocNamesAreTheAppsNamedHandlers() {
    assertThat(WebSocketHandler.class.getAnnotation(jakarta.inject.Named.class).value()).isEqualTo("websocket");
    assertThat(ProgressPublisherHandler.class.getAnnotation(jakarta.inject.Named.class).value())
        .isEqualTo("progress-publisher");
    assertThat(doc).contains("`websocket` function").contains("`progress-publisher` function");
  }
}
