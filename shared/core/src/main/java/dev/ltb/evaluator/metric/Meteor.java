package dev.ltb.evaluator.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * METEOR as NLTK's {@code meteor_score} computes it (nltk/nltk, nltk/translate/meteor_score.py; Lavie and
 * Agarwal, 2007): words are lowercased, aligned in stages (exact, then Porter stem), and scored as
 * {@code Fmean = P·R / (α·P + (1-α)·R)} times {@code 1 - γ·(chunks/matches)^β}; the best reference wins.
 *
 * <p>NLTK adds a third stage that matches WordNet synonyms. WordNet is not available offline, so that
 * stage is skipped: scores equal NLTK's whenever no synonym match would have been found, which covers all
 * of NLTK's published examples, and are otherwise typically lower than NLTK's.
 */
public final class Meteor {

  private final double alpha;
  private final double beta;
  private final double gamma;
  private final PorterStemmer stemmer = new PorterStemmer();

  /** NLTK's defaults: α = 0.9, β = 3, γ = 0.5. */
  public Meteor() {
    this(0.9, 3.0, 0.5);
  }

  public Meteor(double alpha, double beta, double gamma) {
    if (!(alpha >= 0 && alpha <= 1))
      throw new IllegalArgumentException("alpha must be within [0, 1], was " + alpha);
    if (!(beta >= 0)) throw new IllegalArgumentException("beta must be >= 0, was " + beta);
    if (!(gamma >= 0 && gamma <= 1))
      throw new IllegalArgumentException("gamma must be within [0, 1], was " + gamma);
    this.alpha = alpha;
    this.beta = beta;
    this.gamma = gamma;
  }

  /** METEOR of a tokenized hypothesis against tokenized references: the best single-reference score. */
  public MeteorScore score(List<String> hypothesis, List<List<String>> references) {
    if (references.isEmpty()) throw new IllegalArgumentException("METEOR needs at least one reference");
    Map<String, String> stems = new HashMap<>();
    MeteorScore best = null;
    for (List<String> reference : references) {
      MeteorScore score = singleScore(hypothesis, reference, stems);
      if (best == null || score.score() > best.score()) best = score;
    }
    return best;
  }

  private MeteorScore singleScore(List<String> hypothesis, List<String> reference, Map<String, String> stems) {
    String[] hyp = lowercased(hypothesis);
    String[] ref = lowercased(reference);
    int[] hypMatch = new int[hyp.length];
    int[] refMatched = new int[ref.length];
    Arrays.fill(hypMatch, -1);
    Arrays.fill(refMatched, -1);

    alignStage(hyp, ref, hypMatch, refMatched);
    String[] hypStems = new String[hyp.length];
    String[] refStems = new String[ref.length];
    for (int i = 0; i < hyp.length; i++)
      if (hypMatch[i] < 0) hypStems[i] = stems.computeIfAbsent(hyp[i], stemmer::stem);
    for (int j = 0; j < ref.length; j++)
      if (refMatched[j] < 0) refStems[j] = stems.computeIfAbsent(ref[j], stemmer::stem);
    alignStage(hypStems, refStems, hypMatch, refMatched);

    int matches = 0;
    int chunks = 0;
    int previousRef = -2;
    int previousHyp = -2;
    // Matches sorted by hypothesis position; a chunk continues while both positions advance by one.
    for (int i = 0; i < hyp.length; i++) {
      if (hypMatch[i] < 0) continue;
      if (!(i == previousHyp + 1 && hypMatch[i] == previousRef + 1)) chunks++;
      previousHyp = i;
      previousRef = hypMatch[i];
      matches++;
    }
    if (matches == 0 || hyp.length == 0 || ref.length == 0) return new MeteorScore(0, 0, 0, 0, 0);
    double precision = (double) matches / hyp.length;
    double recall = (double) matches / ref.length;
    double fmean = precision * recall / (alpha * precision + (1 - alpha) * recall);
    double fragmentation = (double) chunks / matches;
    double penalty = gamma * Math.pow(fragmentation, beta);
    return new MeteorScore((1 - penalty) * fmean, precision, recall, fmean, penalty);
  }

  /**
   * One alignment stage over the still unmatched words: from the last hypothesis word backwards, each
   * takes the last still unmatched reference word equal to it (NLTK's {@code _match_enums}).
   */
  private static void alignStage(String[] hyp, String[] ref, int[] hypMatch, int[] refMatched) {
    Map<String, List<Integer>> positions = new HashMap<>();
    for (int j = 0; j < ref.length; j++)
      if (refMatched[j] < 0) positions.computeIfAbsent(ref[j], k -> new ArrayList<>()).add(j);
    for (int i = hyp.length - 1; i >= 0; i--) {
      if (hypMatch[i] >= 0) continue;
      List<Integer> candidates = positions.get(hyp[i]);
      if (candidates == null || candidates.isEmpty()) continue;
      int j = candidates.remove(candidates.size() - 1);
      hypMatch[i] = j;
      refMatched[j] = i;
    }
  }

  private static String[] lowercased(List<String> words) {
    String[] out = new String[words.size()];
    for (int i = 0; i < out.length; i++) out[i] = PythonText.lower(words.get(i));
    return out;
  }
}
