package dev.ltb.provider.openai.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The answer of {@code POST /embeddings} with {@code encoding_format: float}. */
public record EmbeddingList(List<Data> data, String model, Usage usage) {

  public record Data(Integer index, float[] embedding) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Usage(Long promptTokens, Long totalTokens) {}
}
