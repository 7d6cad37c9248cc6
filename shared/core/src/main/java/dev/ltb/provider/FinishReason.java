package dev.ltb.provider;

import java.util.Locale;

/** Why the model stopped, normalized across vendors. */
public enum FinishReason {
  STOP,
  LENGTH,
  CONTENT_FILTER,
  TOOL_CALLS,
  ERROR,
  UNKNOWN;

  /** The lower-case name used in suites ({@code finish-reason} assertion) and outputs. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FinishReason fromId(String id) {
    return valueOf(id.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * Normalizes a vendor's stop reason: OpenAI and compatible servers ({@code stop}, {@code length},
   * {@code tool_calls}), Anthropic ({@code end_turn}, {@code max_tokens}, {@code tool_use}, {@code refusal}),
   * Gemini ({@code STOP}, {@code MAX_TOKENS}, {@code SAFETY}), Cohere ({@code COMPLETE}, {@code TOOL_CALL}),
   * Bedrock ({@code guardrail_intervened}, {@code malformed_tool_use}), Mistral ({@code model_length}). Null or unrecognised gives
   * {@link #UNKNOWN}.
   */
  public static FinishReason fromVendor(String reason) {
    if (reason == null || reason.isBlank()) return UNKNOWN;
    return switch (reason.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "stop", "end_turn", "stop_sequence", "complete", "eos", "finished", "pause_turn" -> STOP;
      case "length", "max_tokens", "model_length", "max_output_tokens", "model_context_window_exceeded" -> LENGTH;
      case "tool_calls", "tool_call", "tool_use", "function_call" -> TOOL_CALLS;
      case "content_filter", "content_filtered", "safety", "recitation", "blocklist", "prohibited_content", "spii",
          "refusal", "guardrail_intervened", "error_toxic", "image_safety" -> CONTENT_FILTER;
      case "error", "error_limit", "malformed_function_call", "malformed_model_output", "malformed_tool_use" -> ERROR;
      default -> UNKNOWN;
    };
  }
}
