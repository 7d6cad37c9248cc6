package dev.ltb.provider.mistral.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /v1/embeddings} for one text. Null fields are left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MistralEmbeddingRequest(String model, String input, Integer outputDimension, String outputDtype) {}
