package dev.ltb.analysis;

import dev.ltb.stats.Bootstrap;
import dev.ltb.stats.HypothesisTest;
import dev.ltb.stats.Interval;
import dev.ltb.stats.McNemar;
import dev.ltb.stats.SignedRankResult;
import dev.ltb.stats.SignedRank;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import org.hipparchus.stat.StatUtils;

/**
 * The paired tests shared by model comparisons and run comparisons, before the multiple-testing correction.
 * "First" and "second" are the two sides (model A and B, or the later and the earlier run); differences are
 * first minus second.
 */
final class PairedEvidence {

  private PairedEvidence() {}

  /** Pass/fail of the cases both sides have, in case order. */
  record Pass(
      long pairs, long bothPassed, long firstOnly, long secondOnly, long bothFailed, Interval interval,
      HypothesisTest test) {

    double firstRate() {
      return (double) (bothPassed + firstOnly) / pairs;
    }

    double secondRate() {
      return (double) (bothPassed + secondOnly) / pairs;
    }

    double difference() {
      return (double) (firstOnly - secondOnly) / pairs;
    }

    int direction() {
      return Long.compare(firstOnly, secondOnly);
    }

    /**
     * b / c, the odds that a discordant pair favours the first side; with a zero count the Haldane–Anscombe
     * correction (b + ½) / (c + ½) keeps it finite. Null without discordant pairs.
     */
    Double discordantOddsRatio() {
      if (firstOnly + secondOnly == 0) return null;
      if (firstOnly == 0 || secondOnly == 0) return (firstOnly + 0.5) / (secondOnly + 0.5);
      return (double) firstOnly / secondOnly;
    }
  }

  /** Scores of the cases where both sides have an output. */
  record Scores(
      long pairs, double firstMean, double secondMean, Interval interval, SignedRankResult signedRank,
      Double cohensDz) {

    double meanDifference() {
      return firstMean - secondMean;
    }
  }

  /** Null when the two sides share no case. */
  static Pass pass(NavigableMap<CaseKey, Sample> first, Map<CaseKey, Sample> second, Bootstrap bootstrap) {
    long both = 0, firstOnly = 0, secondOnly = 0, neither = 0;
    double[] differences = new double[Math.min(first.size(), second.size())];
    int pairs = 0;
    for (var entry : first.entrySet()) {
      Sample other = second.get(entry.getKey());
      if (other == null) continue;
      boolean a = entry.getValue().passed(), b = other.passed();
      if (a && b) both++;
      else if (a) firstOnly++;
      else if (b) secondOnly++;
      else neither++;
      differences[pairs++] = (a ? 1 : 0) - (b ? 1 : 0);
    }
    if (pairs == 0) return null;
    Interval interval = bootstrap.meanInterval(Arrays.copyOf(differences, pairs));
    return new Pass(pairs, both, firstOnly, secondOnly, neither, interval, McNemar.test(firstOnly, secondOnly));
  }

  /** Null when no case has an output on both sides. */
  static Scores scores(NavigableMap<CaseKey, Double> first, Map<CaseKey, Double> second, Bootstrap bootstrap) {
    double[] a = new double[Math.min(first.size(), second.size())];
    double[] b = new double[a.length];
    int pairs = 0;
    for (var entry : first.entrySet()) {
      Double other = second.get(entry.getKey());
      if (other == null) continue;
      a[pairs] = entry.getValue();
      b[pairs++] = other;
    }
    if (pairs == 0) return null;
    a = Arrays.copyOf(a, pairs);
    b = Arrays.copyOf(b, pairs);
    double[] differences = new double[pairs];
    for (int i = 0; i < pairs; i++) differences[i] = a[i] - b[i];
    return new Scores(pairs, StatUtils.mean(a), StatUtils.mean(b), bootstrap.meanInterval(differences),
        SignedRank.test(differences), cohensDz(differences));
  }

  /** Mean difference over the standard deviation of the differences; null with fewer than 2 pairs or no spread. */
  static Double cohensDz(double[] differences) {
    if (differences.length < 2) return null;
    double sd = Math.sqrt(StatUtils.variance(differences));
    return sd == 0 ? null : StatUtils.mean(differences) / sd;
  }
}
