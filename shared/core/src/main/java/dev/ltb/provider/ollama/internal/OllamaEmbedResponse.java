package dev.ltb.provider.ollama.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The answer of {@code /api/embed}: one vector per input. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OllamaEmbedResponse(String model, List<float[]> embeddings, Long promptEvalCount) {}
