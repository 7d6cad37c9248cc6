package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallTest {

  @Test
  void callsAsOutputUseTheOpenAiShape() {
    List<ToolCall> calls = List.of(new ToolCall("c1", "get_weather", "{\"city\":\"Paris\"}"), new ToolCall(null, "now", null));

    assertThat(ToolCall.outputJson(calls))
        .isEqualTo(
            "[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":"
                + "\\\"Paris\\\"}\"}},{\"type\":\"function\",\"function\":{\"name\":\"now\",\"arguments\":\"{}\"}}]");
    assertThat(ToolCall.outputJson(List.of())).isEmpty();
  }
}
