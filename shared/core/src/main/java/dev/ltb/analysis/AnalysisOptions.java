package dev.ltb.analysis;

import dev.ltb.stats.Bootstrap;
import java.util.Objects;

/**
 * Settings of one analysis; every default lives here.
 *
 * @param alpha significance level applied to Holm-adjusted p-values (default 0.05)
 * @param bootstrapResamples resamples of every bootstrap interval (default 2000)
 * @param seed seed of every bootstrap, so the same data always gives the same intervals
 * @param quality the measure verdicts, ranking, optimizer and router use (default pass rate)
 * @param weights ranking weights (default 0.6 quality / 0.2 latency / 0.2 cost)
 * @param categoryKey the test metadata key that names a test's category for routing (default {@code category})
 */
public record AnalysisOptions(
    double alpha, int bootstrapResamples, long seed, QualityMeasure quality, RankingWeights weights,
    String categoryKey) {

  public static final double DEFAULT_ALPHA = 0.05;
  public static final String DEFAULT_CATEGORY_KEY = "category";

  public AnalysisOptions {
    if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
    quality = Objects.requireNonNullElse(quality, QualityMeasure.PASS_RATE);
    weights = Objects.requireNonNullElse(weights, RankingWeights.DEFAULT);
    categoryKey = categoryKey == null || categoryKey.isBlank() ? DEFAULT_CATEGORY_KEY : categoryKey;
    new Bootstrap(bootstrapResamples, seed); // validates the resample count with its own message
  }

  public static AnalysisOptions defaults() {
    return new AnalysisOptions(DEFAULT_ALPHA, Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED,
        QualityMeasure.PASS_RATE, RankingWeights.DEFAULT, DEFAULT_CATEGORY_KEY);
  }

  public AnalysisOptions withAlpha(double value) {
    return new AnalysisOptions(value, bootstrapResamples, seed, quality, weights, categoryKey);
  }

  public AnalysisOptions withBootstrap(int resamples, long bootstrapSeed) {
    return new AnalysisOptions(alpha, resamples, bootstrapSeed, quality, weights, categoryKey);
  }

  public AnalysisOptions withQuality(QualityMeasure value) {
    return new AnalysisOptions(alpha, bootstrapResamples, seed, value, weights, categoryKey);
  }

  public AnalysisOptions withWeights(RankingWeights value) {
    return new AnalysisOptions(alpha, bootstrapResamples, seed, quality, value, categoryKey);
  }

  public AnalysisOptions withCategoryKey(String value) {
    return new AnalysisOptions(alpha, bootstrapResamples, seed, quality, weights, value);
  }

  Bootstrap bootstrap() {
    return new Bootstrap(bootstrapResamples, seed);
  }
}
