package dev.ltb.provider.cohere.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The answer of {@code /v2/embed}: the vectors by type ({@code float} is the one asked for) and the billing. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CohereEmbedResponse(String id, Embeddings embeddings, List<String> texts, Meta meta) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Embeddings(List<float[]> floats) {
    @com.fasterxml.jackson.annotation.JsonCreator
    public Embeddings(@com.fasterxml.jackson.annotation.JsonProperty("float") List<float[]> floats) {
      this.floats = floats;
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Meta(CohereChatResponse.Tokens billedUnits) {}
}
