package dev.ltb.evaluator.metric;

/**
 * A GLEU score with its counts.
 *
 * @param matches n-grams shared by hypothesis and the chosen reference (clipped)
 * @param total max(hypothesis n-grams, reference n-grams)
 */
public record GleuScore(long matches, long total) {

  public GleuScore {
    if (matches < 0 || total < matches) throw new IllegalArgumentException("need 0 <= matches <= total");
  }

  /** matches / total, or 0 when there was nothing to count. */
  public double score() {
    return total == 0 ? 0.0 : (double) matches / total;
  }
}
