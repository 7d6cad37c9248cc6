package dev.ltb.evaluator.metric;

/**
 * A ROUGE score.
 *
 * @param precision overlap / prediction size
 * @param recall overlap / reference size
 * @param fmeasure their harmonic mean, 0 when both are 0
 */
public record RougeScore(double precision, double recall, double fmeasure) {

  static final RougeScore ZERO = new RougeScore(0, 0, 0);

  static RougeScore of(double precision, double recall) {
    double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    return new RougeScore(precision, recall, f);
  }
}
