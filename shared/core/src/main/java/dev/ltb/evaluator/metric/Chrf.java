package dev.ltb.evaluator.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * chrF (Popović, 2015) and chrF++ (Popović, 2017) with sacreBLEU 2.x semantics (mjpost/sacrebleu,
 * sacrebleu/metrics/chrf.py): character n-grams of orders 1..{@code charOrder} over the text with
 * whitespace removed, plus word n-grams of orders 1..{@code wordOrder} (chrF++ uses 2) over words with
 * leading or trailing punctuation split off; precision and recall are averaged over the orders and
 * combined into an F-beta score. Scores are in [0, 1]; sacreBLEU prints them times 100.
 */
public final class Chrf {

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final double EPSILON = 1e-16;

  /**
   * How chrF is computed.
   *
   * @param charOrder maximum character n-gram order (default 6)
   * @param wordOrder maximum word n-gram order: 0 for chrF, 2 for chrF++
   * @param beta recall is beta times as important as precision (default 2)
   * @param lowercase compare case-insensitively
   * @param whitespace keep whitespace inside character n-grams (sacreBLEU default: removed)
   * @param epsSmoothing average per-order F-scores with epsilon smoothing (chrF++.py, NLTK, Moses)
   *     instead of sacreBLEU's default of averaging precision and recall over the effective orders
   */
  public record Options(
      int charOrder, int wordOrder, double beta, boolean lowercase, boolean whitespace, boolean epsSmoothing) {

    public Options {
      if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0)
        throw new IllegalArgumentException(
            "chrF needs charOrder >= 0 and wordOrder >= 0, not both 0; got " + charOrder + " and " + wordOrder);
      if (!(beta > 0)) throw new IllegalArgumentException("beta must be > 0, was " + beta);
    }

    /** chrF2 as sacreBLEU computes it by default. */
    public static Options chrF() {
      return new Options(6, 0, 2, false, false, false);
    }

    /** chrF2++: chrF plus word unigrams and bigrams. */
    public static Options chrFPlusPlus() {
      return new Options(6, 2, 2, false, false, false);
    }
  }

  private final Options options;

  public Chrf(Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** chrF of one hypothesis against the reference that gives the best score (empty references skipped). */
  public ChrfScore sentenceScore(String hypothesis, List<String> references) {
    return fromStatistics(bestStatistics(hypothesis, references));
  }

  /** Corpus chrF: each segment's statistics (for its best reference) summed, then one score. */
  public ChrfScore corpusScore(List<String> hypotheses, List<List<String>> referenceStreams) {
    long[] sums = new long[3 * order()];
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
      long[] stats = bestStatistics(hypotheses.get(segment), references);
      for (int i = 0; i < sums.length; i++) sums[i] += stats[i];
    }
    return fromStatistics(sums);
  }

  private int order() {
    return options.charOrder() + options.wordOrder();
  }

  private long[] bestStatistics(String hypothesis, List<String> references) {
    int length = hypothesis.length();
    for (String reference : references) length += reference == null ? 0 : reference.length();
    // Sized for typical text (distinct n-grams grow slower than length); the map grows when needed.
    NgramIndex charIndex = new NgramIndex(Math.min(length * options.charOrder(), 4096));
    NgramIndex wordIndex = new NgramIndex(options.wordOrder() == 0 ? 16 : length / 2);
    Side hyp = side(hypothesis, charIndex, wordIndex);
    long[] best = null;
    double bestScore = -1;
    for (String reference : references) {
      if (reference == null || reference.isEmpty()) continue;
      Side ref = side(reference, charIndex, wordIndex);
      long[] stats = new long[3 * order()];
      int slot = matchStatistics(hyp.chars, ref.chars, options.charOrder(), charIndex, stats, 0);
      if (options.wordOrder() > 0)
        matchStatistics(hyp.words, ref.words, options.wordOrder(), wordIndex, stats, slot);
      double score = fScore(stats);
      if (score > bestScore) {
        bestScore = score;
        best = stats;
      }
    }
    if (best == null) throw new IllegalArgumentException("chrF needs at least one non-empty reference");
    return best;
  }

  private record Side(NgramCounts chars, NgramCounts words) {}

  private Side side(String text, NgramIndex charIndex, NgramIndex wordIndex) {
    String segment = options.lowercase() ? PythonText.lower(text) : text;
    String characters = options.whitespace() ? segment : PythonText.removeWhitespace(segment);
    NgramCounts chars = charIndex.count(characters.codePoints().toArray(), 1, Math.max(1, options.charOrder()));
    NgramCounts words =
        options.wordOrder() == 0
            ? null
            : wordIndex.count(wordIndex.symbols(splitPunctuation(segment)), 1, options.wordOrder());
    return new Side(chars, words);
  }

  /** [hypothesis n-grams, reference n-grams, matches] for orders 1..maxOrder, written from {@code slot}. */
  private static int matchStatistics(
      NgramCounts hyp, NgramCounts ref, int maxOrder, NgramIndex index, long[] stats, int slot) {
    int[] matches = hyp.clippedMatches(ref, index);
    for (int order = 1; order <= maxOrder; order++) {
      int referenceTotal = ref.total(order);
      // sacreBLEU does not count hypothesis n-grams of an order the reference has none of.
      stats[slot] = referenceTotal > 0 ? hyp.total(order) : 0;
      stats[slot + 1] = referenceTotal;
      stats[slot + 2] = order < matches.length ? matches[order] : 0;
      slot += 3;
    }
    return slot;
  }

  /**
   * Words for chrF++ (sacreBLEU's {@code _remove_punctuation}): whitespace-split words, with one
   * trailing (or else one leading) ASCII punctuation character split off words longer than one character.
   */
  static List<String> splitPunctuation(String sentence) {
    List<String> words = new ArrayList<>();
    for (String word : PythonText.split(sentence)) {
      int length = word.codePointCount(0, word.length());
      if (length == 1) {
        words.add(word);
        continue;
      }
      int last = word.codePointBefore(word.length());
      int first = word.codePointAt(0);
      if (isPunctuation(last)) {
        int cut = word.length() - Character.charCount(last);
        words.add(word.substring(0, cut));
        words.add(word.substring(cut));
      } else if (isPunctuation(first)) {
        int cut = Character.charCount(first);
        words.add(word.substring(0, cut));
        words.add(word.substring(cut));
      } else {
        words.add(word);
      }
    }
    return words;
  }

  private static boolean isPunctuation(int codePoint) {
    return codePoint < 128 && PUNCTUATION.indexOf(codePoint) >= 0;
  }

  private ChrfScore fromStatistics(long[] stats) {
    double factor = options.beta() * options.beta();
    double epsScore = 0;
    double avgPrecision = 0;
    double avgRecall = 0;
    int effectiveOrder = 0;
    for (int i = 0; i < order(); i++) {
      long nHyp = stats[3 * i];
      long nRef = stats[3 * i + 1];
      long nMatch = stats[3 * i + 2];
      double precision = nHyp > 0 ? (double) nMatch / nHyp : EPSILON;
      double recall = nRef > 0 ? (double) nMatch / nRef : EPSILON;
      double denominator = factor * precision + recall;
      epsScore += denominator > 0 ? (1 + factor) * precision * recall / denominator : EPSILON;
      if (nHyp > 0 && nRef > 0) {
        avgPrecision += precision;
        avgRecall += recall;
        effectiveOrder++;
      }
    }
    if (effectiveOrder > 0) {
      avgPrecision /= effectiveOrder;
      avgRecall /= effectiveOrder;
    }
    if (options.epsSmoothing()) return new ChrfScore(epsScore / order(), avgPrecision, avgRecall);
    if (avgPrecision + avgRecall == 0) return new ChrfScore(0, avgPrecision, avgRecall);
    double score = (1 + factor) * avgPrecision * avgRecall / (factor * avgPrecision + avgRecall);
    return new ChrfScore(score, avgPrecision, avgRecall);
  }

  private double fScore(long[] stats) {
    return fromStatistics(stats).score();
  }
}
