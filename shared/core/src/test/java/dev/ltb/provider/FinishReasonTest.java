package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FinishReasonTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "none",
      textBlock = """
          stop,                 STOP
          end_turn,             STOP
          COMPLETE,             STOP
          length,               LENGTH
          max_tokens,           LENGTH
          MAX_TOKENS,           LENGTH
          tool_calls,           TOOL_CALLS
          tool_use,             TOOL_CALLS
          TOOL_CALL,            TOOL_CALLS
          content_filter,       CONTENT_FILTER
          SAFETY,               CONTENT_FILTER
          guardrail_intervened, CONTENT_FILTER
          content_filtered,     CONTENT_FILTER
          model_context_window_exceeded, LENGTH
          malformed_tool_use,   ERROR
          malformed_model_output, ERROR
          ERROR,                ERROR
          something_new,        UNKNOWN
          none,                 UNKNOWN
          """)
  void normalizesVendorReasons(String vendor, FinishReason expected) {
    assertThat(FinishReason.fromVendor(vendor)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"content-filter, CONTENT_FILTER", "tool_calls, TOOL_CALLS", "STOP, STOP"})
  void readsSuiteIds(String id, FinishReason expected) {
    assertThat(FinishReason.fromId(id)).isEqualTo(expected);
    assertThat(expected.id()).isEqualTo(expected.name().toLowerCase(java.util.Locale.ROOT));
  }
}
