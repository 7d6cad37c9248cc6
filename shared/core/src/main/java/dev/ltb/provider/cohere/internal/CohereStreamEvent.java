package dev.ltb.provider.cohere.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a {@code /v2/chat} stream: {@code message-start}, {@code content-start}, {@code content-delta}
 * ({@code delta.message.content.text}), {@code content-end}, {@code tool-plan-delta}, {@code tool-call-start}
 * ({@code delta.message.tool_calls}: id and name), {@code tool-call-delta} (a piece of the arguments), {@code
 * tool-call-end}, {@code citation-*}, {@code message-end} ({@code delta.finish_reason}, {@code delta.usage},
 * {@code delta.error}). The delta is kept as JSON: its shape depends on the type.
 */
public record CohereStreamEvent(String type, Integer index, JsonNode delta, JsonNode logprobs) {}
