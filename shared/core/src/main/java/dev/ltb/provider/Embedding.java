package dev.ltb.provider;

import java.util.Objects;

/**
 * A text's embedding vector, with the tokens the call consumed.
 *
 * @param vector the embedding (not copied: callers treat it as read-only)
 * @param usage tokens consumed; embeddings have input tokens only
 */
public record Embedding(float[] vector, TokenUsage usage) {

  public Embedding {
    Objects.requireNonNull(vector, "vector");
    if (vector.length == 0) throw new IllegalArgumentException("an embedding needs at least one dimension");
    usage = Objects.requireNonNullElse(usage, TokenUsage.NONE);
  }

  public int dimensions() {
    return vector.length;
  }
}
