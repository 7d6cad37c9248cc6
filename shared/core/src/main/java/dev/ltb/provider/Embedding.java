package dev.ltb.provider;

import java.util.Arrays;
import java.util.Objects;

/**
 * A text's embedding vector and the tokens it cost.
 *
 * @param vector the vector as the model returned it (not normalized here)
 * @param usage tokens consumed ({@link TokenUsage#output()} is 0 for embeddings)
 */
public record Embedding(float[] vector, TokenUsage usage) {

  public Embedding {
    Objects.requireNonNull(vector, "vector");
    if (vector.length == 0) throw new IllegalArgumentException("an embedding needs at least one dimension");
    vector = vector.clone();
    usage = Objects.requireNonNullElse(usage, TokenUsage.NONE);
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  public int dimensions() {
    return vector.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Embedding that && Arrays.equals(vector, that.vector) && usage.equals(that.usage);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(vector) + usage.hashCode();
  }

  @Override
  public String toString() {
    return "Embedding[dimensions=" + vector.length + ", usage=" + usage + "]";
  }
}
