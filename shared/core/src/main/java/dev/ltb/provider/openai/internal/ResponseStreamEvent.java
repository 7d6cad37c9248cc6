package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One event of a streamed Responses API answer (its {@code data:} JSON). The bench reads {@code
 * response.output_text.delta}, {@code response.refusal.delta} and {@code response.function_call_arguments.delta}
 * (text as it arrives, for the time to the first token), {@code response.output_item.added}, the final
 * {@code response.completed}, {@code response.incomplete} or {@code response.failed} (each with the whole
 * {@code response}), and {@code error}; the others are skipped.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResponseStreamEvent(
    String type,
    String delta,
    ModelResponse response,
    ModelResponse.OutputItem item,
    String code,
    String message) {}
