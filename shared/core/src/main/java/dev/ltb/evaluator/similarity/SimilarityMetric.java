package dev.ltb.evaluator.similarity;

import java.util.Locale;
import java.util.Optional;

/**
 * How close two embeddings are, as promptfoo's {@code similar} measures it
 * (src/matchers/similarity.ts): cosine and dot product are similarities (higher is closer, the
 * threshold is a minimum); euclidean is a distance (lower is closer, the threshold is a maximum,
 * and the score is {@code 1 / (1 + distance)}).
 */
public enum SimilarityMetric {
  COSINE("cosine", true),
  DOT("dot", true),
  EUCLIDEAN("euclidean", false);

  private final String id;
  private final boolean higherIsCloser;

  SimilarityMetric(String id, boolean higherIsCloser) {
    this.id = id;
    this.higherIsCloser = higherIsCloser;
  }

  public String id() {
    return id;
  }

  /**
   * The metric named {@code cosine}, {@code dot} (or promptfoo's {@code dot_product}) or {@code
   * euclidean}.
   */
  public static Optional<SimilarityMetric> byId(String id) {
    String name = id.strip().toLowerCase(Locale.ROOT);
    if (name.equals("dot_product")) return Optional.of(DOT);
    for (SimilarityMetric metric : values()) if (metric.id.equals(name)) return Optional.of(metric);
    return Optional.empty();
  }

  /** The similarity (cosine, dot) or distance (euclidean) of two vectors of one length. */
  public double between(float[] a, float[] b) {
    if (a.length != b.length)
      throw new IllegalArgumentException(
          "embeddings of different lengths: " + a.length + " and " + b.length);
    double dot = 0;
    double normA = 0;
    double normB = 0;
    double squares = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      normA += (double) a[i] * a[i];
      normB += (double) b[i] * b[i];
      double difference = (double) a[i] - b[i];
      squares += difference * difference;
    }
    return switch (this) {
      case COSINE -> normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
      case DOT -> dot;
      case EUCLIDEAN -> Math.sqrt(squares);
    };
  }

  /**
   * Whether a measured value is close enough: at least the threshold, or for a distance at most it.
   */
  public boolean passes(double value, double threshold) {
    double tolerance = 1e-9;
    return higherIsCloser ? value + tolerance >= threshold : value - tolerance <= threshold;
  }

  /** The measured value as a score in [0, 1]. */
  public double score(double value) {
    double score = higherIsCloser ? value : 1 / (1 + value);
    return Math.min(1, Math.max(0, score));
  }

  /** "similarity" or "distance", for reasons. */
  public String measure() {
    return higherIsCloser ? "similarity" : "distance";
  }
}
