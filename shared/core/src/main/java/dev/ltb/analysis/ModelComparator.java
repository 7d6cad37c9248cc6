package dev.ltb.analysis;

import dev.ltb.stats.Bootstrap;
import dev.ltb.stats.HypothesisTest;
import dev.ltb.stats.Holm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares every pair of models on their common cases. Pass rates and scores form two families; each is
 * Holm-corrected over all pairs of the analysis (tests that could not run, e.g. without discordant pairs, are
 * not part of a family). The verdict follows the configured quality measure.
 */
final class ModelComparator {

  private ModelComparator() {}

  static List<ModelComparison> compareAll(PairedSamples samples, AnalysisOptions options) {
    Bootstrap bootstrap = options.bootstrap();
    List<ModelSamples> models = samples.modelSamples();
    List<Raw> raws = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      for (int j = i + 1; j < models.size(); j++) {
        ModelSamples a = models.get(i), b = models.get(j);
        raws.add(new Raw(a.label, b.label, PairedEvidence.pass(a.samples, b.samples, bootstrap),
            PairedEvidence.scores(a.scores(), b.scores(), bootstrap)));
      }
    }
    double[] passAdjusted = holm(raws.stream().map(raw -> raw.pass == null ? null : raw.pass.test()).toList());
    double[] scoreAdjusted =
        holm(raws.stream().map(raw -> raw.scores == null ? null : raw.scores.signedRank().test()).toList());
    List<ModelComparison> comparisons = new ArrayList<>();
    for (int k = 0; k < raws.size(); k++) {
      Raw raw = raws.get(k);
      PassRateComparison pass =
          raw.pass == null ? null : PassRateComparison.of(raw.pass, passAdjusted[k], options.alpha());
      ScoreComparison score =
          raw.scores == null ? null : ScoreComparison.of(raw.scores, scoreAdjusted[k], options.alpha());
      comparisons.add(comparison(raw, pass, score, options));
    }
    return comparisons;
  }

  /**
   * Holm over the tests that ran; a missing or not-performed test keeps an adjusted p of 1. Shared with the
   * run comparison.
   */
  static double[] holm(List<HypothesisTest> tests) {
    double[] adjusted = new double[tests.size()];
    Arrays.fill(adjusted, 1);
    List<Integer> performed = new ArrayList<>();
    for (int k = 0; k < tests.size(); k++) if (tests.get(k) != null && tests.get(k).performed()) performed.add(k);
    double[] raw = performed.stream().mapToDouble(k -> tests.get(k).pValue()).toArray();
    double[] corrected = Holm.adjust(raw);
    for (int i = 0; i < performed.size(); i++) adjusted[performed.get(i)] = corrected[i];
    return adjusted;
  }

  private static ModelComparison comparison(
      Raw raw, PassRateComparison pass, ScoreComparison score, AnalysisOptions options) {
    long pairs = pass == null ? 0 : pass.pairs();
    QualityMeasure measure = options.quality();
    if (pairs == 0)
      return new ModelComparison(raw.a, raw.b, 0, null, null, measure, Verdict.NO_SIGNIFICANT_DIFFERENCE,
          raw.a + " and " + raw.b + " share no cases: nothing to compare");
    String summary;
    Verdict verdict;
    if (measure == QualityMeasure.PASS_RATE) {
      verdict = pass.verdict();
      summary = lead(verdict, raw) + " on pass rate: " + Formats.percent(pass.rateA()) + " vs "
          + Formats.percent(pass.rateB()) + " over " + pass.pairs() + " paired cases ("
          + evidence(pass.test(), pass.pValue(), pass.adjustedPValue(), "no discordant pairs", options) + ")";
    } else if (score == null) {
      verdict = Verdict.NO_SIGNIFICANT_DIFFERENCE;
      summary = "no significant difference between " + raw.a + " and " + raw.b
          + " on score: no case has an output from both";
    } else {
      verdict = score.verdict();
      summary = lead(verdict, raw) + " on score: mean " + Formats.decimal(score.meanA()) + " vs "
          + Formats.decimal(score.meanB()) + " over " + score.pairs() + " paired cases ("
          + evidence(score.test(), score.pValue(), score.adjustedPValue(), "all differences are zero", options)
          + ")";
    }
    return new ModelComparison(raw.a, raw.b, pairs, pass, score, measure, verdict, summary);
  }

  private static String lead(Verdict verdict, Raw raw) {
    return switch (verdict) {
      case BETTER -> raw.a + " is better than " + raw.b;
      case WORSE -> raw.a + " is worse than " + raw.b;
      case NO_SIGNIFICANT_DIFFERENCE -> "no significant difference between " + raw.a + " and " + raw.b;
    };
  }

  static String evidence(String test, double p, double adjusted, String whenNone, AnalysisOptions options) {
    return HypothesisTest.NONE.equals(test) ? whenNone : Formats.pValues(test, p, adjusted, options.alpha());
  }

  private record Raw(String a, String b, PairedEvidence.Pass pass, PairedEvidence.Scores scores) {}
}
