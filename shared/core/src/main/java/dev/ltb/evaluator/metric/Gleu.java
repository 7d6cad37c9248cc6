package dev.ltb.evaluator.metric;

import java.util.List;

/**
 * Google-BLEU (Wu et al., 2016) as NLTK's {@code sentence_gleu} and {@code corpus_gleu} compute it
 * (nltk/nltk, nltk/translate/gleu_score.py): all n-grams of orders {@code minOrder..maxOrder} are pooled;
 * a reference yields (matches, max(hypothesis n-grams, reference n-grams)), the reference with the best
 * ratio is kept, and the score is the ratio, i.e. min(precision, recall). Inputs are token lists.
 */
public final class Gleu {

  private final int minOrder;
  private final int maxOrder;

  /** NLTK's defaults: orders 1 to 4. */
  public Gleu() {
    this(1, 4);
  }

  public Gleu(int minOrder, int maxOrder) {
    if (minOrder < 1 || maxOrder < minOrder)
      throw new IllegalArgumentException(
          "GLEU needs 1 <= minOrder <= maxOrder, got " + minOrder + " and " + maxOrder);
    this.minOrder = minOrder;
    this.maxOrder = maxOrder;
  }

  /** GLEU of one tokenized hypothesis against tokenized references; 0 when nothing can be counted. */
  public GleuScore sentenceScore(List<String> hypothesis, List<List<String>> references) {
    NgramIndex index = new NgramIndex();
    NgramCounts hypothesisCounts = index.count(index.symbols(hypothesis), minOrder, maxOrder);
    int hypothesisTotal = total(hypothesisCounts);
    long bestMatches = 0;
    long bestAll = 0;
    for (List<String> reference : references) {
      NgramCounts referenceCounts = index.count(index.symbols(reference), minOrder, maxOrder);
      int all = Math.max(hypothesisTotal, total(referenceCounts));
      if (all == 0) continue;
      int matches = 0;
      for (int m : hypothesisCounts.clippedMatches(referenceCounts, index)) matches += m;
      // NLTK keeps the first reference with the highest ratio.
      if (bestAll == 0 || (double) matches / all > (double) bestMatches / bestAll) {
        bestMatches = matches;
        bestAll = all;
      }
    }
    return new GleuScore(bestMatches, bestAll);
  }

  /**
   * Corpus GLEU: the best reference's matches and n-gram counts of every segment are summed before
   * dividing (not the mean of sentence scores).
   */
  public GleuScore corpusScore(List<List<String>> hypotheses, List<List<List<String>>> references) {
    if (hypotheses.size() != references.size())
      throw new IllegalArgumentException(
          "GLEU needs one reference list per hypothesis, got "
              + hypotheses.size()
              + " hypotheses and "
              + references.size()
              + " reference lists");
    long matches = 0;
    long all = 0;
    for (int i = 0; i < hypotheses.size(); i++) {
      GleuScore sentence = sentenceScore(hypotheses.get(i), references.get(i));
      matches += sentence.matches();
      all += sentence.total();
    }
    return new GleuScore(matches, all);
  }

  private int total(NgramCounts counts) {
    int sum = 0;
    for (int order = minOrder; order <= maxOrder; order++) sum += counts.total(order);
    return sum;
  }
}
