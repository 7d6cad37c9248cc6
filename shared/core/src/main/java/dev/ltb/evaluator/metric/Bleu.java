package dev.ltb.evaluator.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * BLEU (Papineni et al., 2002) with sacreBLEU 2.x semantics (mjpost/sacrebleu, sacrebleu/metrics/bleu.py):
 * clipped n-gram precisions against the per-n-gram maximum over the references, the closest reference
 * length (the shorter on ties) for the brevity penalty, sacreBLEU's smoothing methods and effective order.
 * Scores are in [0, 1]; sacreBLEU prints the same number times 100.
 */
public final class Bleu {

  /** sacreBLEU's smoothing methods (Chen and Cherry, 2014). */
  public enum Smoothing {
    /** No smoothing: a zero precision makes the score 0. */
    NONE("none", null),
    /** Method 1: a zero match count is replaced by the smoothing value (default 0.1). */
    FLOOR("floor", 0.1),
    /** Method 2: the smoothing value (default 1) is added to matches and totals of orders above 1. */
    ADD_K("add-k", 1.0),
    /** Method 3, NIST's geometric sequence: the k-th zero precision becomes 1 / (2^k * total). */
    EXP("exp", null);

    private final String id;
    private final Double defaultValue;

    Smoothing(String id, Double defaultValue) {
      this.id = id;
      this.defaultValue = defaultValue;
    }

    public String id() {
      return id;
    }

    public static Smoothing byId(String id) {
      for (Smoothing smoothing : values()) if (smoothing.id.equals(id)) return smoothing;
      throw new IllegalArgumentException(
          "unknown smoothing \"" + id + "\"; use one of exp, floor, add-k, none");
    }
  }

  /**
   * How BLEU is computed.
   *
   * @param tokenizer the tokenizer (sacreBLEU default {@code 13a})
   * @param lowercase lowercase hypothesis and references first
   * @param smoothing the smoothing method
   * @param smoothValue the value for {@code floor} and {@code add-k}, or null for the method's default
   * @param maxOrder the maximum n-gram order (default 4)
   * @param effectiveOrder average only over the orders the hypothesis has n-grams of (sacreBLEU's
   *     {@code sentence_bleu} default; off for corpus BLEU)
   */
  public record Options(
      BleuTokenizer tokenizer,
      boolean lowercase,
      Smoothing smoothing,
      Double smoothValue,
      int maxOrder,
      boolean effectiveOrder) {

    public Options {
      Objects.requireNonNull(tokenizer, "tokenizer");
      Objects.requireNonNull(smoothing, "smoothing");
      if (maxOrder < 1) throw new IllegalArgumentException("maxOrder must be >= 1, was " + maxOrder);
      if (smoothValue != null && (smoothValue.isNaN() || smoothValue < 0))
        throw new IllegalArgumentException("smoothValue must be >= 0, was " + smoothValue);
    }

    /** sacreBLEU's {@code sentence_bleu} defaults: 13a, mixed case, exp smoothing, order 4, effective order. */
    public static Options sentenceDefaults() {
      return new Options(BleuTokenizer.THIRTEEN_A, false, Smoothing.EXP, null, 4, true);
    }

    /** sacreBLEU's {@code corpus_bleu} defaults: as for sentences, without effective order. */
    public static Options corpusDefaults() {
      return new Options(BleuTokenizer.THIRTEEN_A, false, Smoothing.EXP, null, 4, false);
    }

    double resolvedSmoothValue() {
      return smoothValue != null ? smoothValue : smoothing.defaultValue == null ? 0 : smoothing.defaultValue;
    }
  }

  private final Options options;

  public Bleu(Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * BLEU of one hypothesis against one or more references (sacreBLEU {@code BLEU.sentence_score}).
   * Empty references are ignored, as in sacreBLEU.
   *
   * @throws IllegalArgumentException when every reference is empty
   */
  public BleuScore sentenceScore(String hypothesis, List<String> references) {
    return fromStatistics(segmentStatistics(hypothesis, references));
  }

  /**
   * Corpus BLEU (sacreBLEU {@code BLEU.corpus_score}): statistics summed over segments, then one score.
   *
   * @param hypotheses one hypothesis per segment
   * @param referenceStreams one or more reference streams, each holding one reference per segment
   */
  public BleuScore corpusScore(List<String> hypotheses, List<List<String>> referenceStreams) {
    long[] sums = new long[2 + 2 * options.maxOrder()];
    for (int segment = 0; segment < hypotheses.size(); segment++) {
      List<String> references = new ArrayList<>();
      for (List<String> stream : referenceStreams) {
        if (stream.size() != hypotheses.size())
          throw new IllegalArgumentException(
              "each reference stream needs one reference per hypothesis ("
                  + hypotheses.size()
                  + "), a stream has "
                  + stream.size());
        references.add(stream.get(segment));
      }
      long[] stats = segmentStatistics(hypotheses.get(segment), references);
      for (int i = 0; i < sums.length; i++) sums[i] += stats[i];
    }
    return fromStatistics(sums);
  }

  /** [hypothesis length, reference length, matches per order..., totals per order...]. */
  private long[] segmentStatistics(String hypothesis, List<String> references) {
    int maxOrder = options.maxOrder();
    List<String> hypothesisTokens = options.tokenizer().tokenize(hypothesis, options.lowercase());
    List<List<String>> referenceTokens = new ArrayList<>(references.size());
    int tokenCount = hypothesisTokens.size();
    for (String reference : references) {
      if (reference == null || reference.isEmpty()) continue;
      referenceTokens.add(options.tokenizer().tokenize(reference, options.lowercase()));
      tokenCount += referenceTokens.getLast().size();
    }
    NgramIndex index = new NgramIndex(tokenCount * maxOrder);
    NgramCounts referenceCounts = null;
    List<Integer> referenceLengths = new ArrayList<>();
    for (List<String> tokens : referenceTokens) {
      int[] symbols = index.symbols(tokens);
      referenceLengths.add(symbols.length);
      NgramCounts counts = index.count(symbols, 1, maxOrder);
      if (referenceCounts == null) referenceCounts = counts;
      else referenceCounts.maxWith(counts, index);
    }
    if (referenceCounts == null)
      throw new IllegalArgumentException("BLEU needs at least one non-empty reference");

    int[] hypothesisSymbols = index.symbols(hypothesisTokens);
    NgramCounts hypothesisCounts = index.count(hypothesisSymbols, 1, maxOrder);
    int[] matches = hypothesisCounts.clippedMatches(referenceCounts, index);

    long[] stats = new long[2 + 2 * maxOrder];
    stats[0] = hypothesisSymbols.length;
    stats[1] = closestReferenceLength(hypothesisSymbols.length, referenceLengths);
    for (int order = 1; order <= maxOrder; order++) {
      stats[1 + order] = matches[order];
      stats[1 + maxOrder + order] = hypothesisCounts.total(order);
    }
    return stats;
  }

  private static int closestReferenceLength(int hypothesisLength, List<Integer> referenceLengths) {
    int closestDiff = -1;
    int closestLength = -1;
    for (int length : referenceLengths) {
      int diff = Math.abs(hypothesisLength - length);
      if (closestDiff == -1 || diff < closestDiff) {
        closestDiff = diff;
        closestLength = length;
      } else if (diff == closestDiff && length < closestLength) {
        closestLength = length;
      }
    }
    return closestLength;
  }

  private BleuScore fromStatistics(long[] stats) {
    int maxOrder = options.maxOrder();
    long[] correct = new long[maxOrder];
    long[] total = new long[maxOrder];
    System.arraycopy(stats, 2, correct, 0, maxOrder);
    System.arraycopy(stats, 2 + maxOrder, total, 0, maxOrder);
    return compute(correct, total, stats[0], stats[1], options);
  }

  /** sacreBLEU's {@code BLEU.compute_bleu} on sufficient statistics (precisions as fractions). */
  public static BleuScore compute(long[] correct, long[] total, long sysLength, long refLength, Options options) {
    int maxOrder = options.maxOrder();
    double brevityPenalty =
        sysLength < refLength ? (sysLength > 0 ? Math.exp(1 - (double) refLength / sysLength) : 0.0) : 1.0;
    double[] precisions = new double[maxOrder];
    boolean anyMatch = false;
    for (long c : correct) anyMatch |= c != 0;
    if (!anyMatch)
      return new BleuScore(0.0, precisions, brevityPenalty, sysLength, refLength, correct.clone(), total.clone());

    double smoothValue = options.resolvedSmoothValue();
    double smoothMteval = 1;
    int effectiveOrder = maxOrder;
    for (int n = 1; n <= maxOrder; n++) {
      double matched = correct[n - 1];
      double count = total[n - 1];
      if (options.smoothing() == Smoothing.ADD_K && n > 1) {
        matched += smoothValue;
        count += smoothValue;
      }
      if (count == 0) break;
      if (options.effectiveOrder()) effectiveOrder = n;
      if (matched == 0) {
        if (options.smoothing() == Smoothing.EXP) {
          smoothMteval *= 2;
          precisions[n - 1] = 1 / (smoothMteval * count);
        } else if (options.smoothing() == Smoothing.FLOOR) {
          precisions[n - 1] = smoothValue / count;
        }
      } else {
        precisions[n - 1] = matched / count;
      }
    }
    double logSum = 0;
    for (int n = 0; n < effectiveOrder; n++) logSum += myLog(precisions[n]);
    double score = brevityPenalty * Math.exp(logSum / effectiveOrder);
    return new BleuScore(score, precisions, brevityPenalty, sysLength, refLength, correct.clone(), total.clone());
  }

  /** sacreBLEU's {@code my_log}: log, with -9999999999 for 0 so the score collapses to 0. */
  private static double myLog(double x) {
    return x == 0 ? -9999999999.0 : Math.log(x);
  }
}
