package dev.ltb.provider.cohere.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The body of {@code POST /v2/embed} for one text. Null fields are left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereEmbedRequest(
    String model,
    List<String> texts,
    String inputType,
    List<String> embeddingTypes,
    String truncate,
    Integer outputDimension,
    Integer maxTokens) {}
