package dev.ltb.provider;

import java.util.Arrays;
import java.util.Objects;

/**
 * The vector an embedding model gave a text.
 *
 * @param vector the embedding; copied in and out, so the record stays immutable
 * @param usage the tokens the call consumed (input only), as the vendor reported them
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
