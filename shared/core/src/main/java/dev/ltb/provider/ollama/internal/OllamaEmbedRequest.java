package dev.ltb.provider.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of {@code POST /api/embed} for one text. Null fields are left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OllamaEmbedRequest(
    String model, String input, Boolean truncate, Integer dimensions, JsonNode keepAlive, ObjectNode options) {}
