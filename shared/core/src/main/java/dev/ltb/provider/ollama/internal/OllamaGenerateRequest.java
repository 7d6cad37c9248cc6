package dev.ltb.provider.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The body of {@code POST /api/generate}. Null fields are left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OllamaGenerateRequest(
    String model,
    String prompt,
    String system,
    List<String> images,
    JsonNode format,
    ObjectNode options,
    boolean stream,
    JsonNode think,
    JsonNode keepAlive,
    Boolean logprobs,
    Integer topLogprobs) {}
