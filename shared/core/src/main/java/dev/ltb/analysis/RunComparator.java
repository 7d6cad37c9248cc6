package dev.ltb.analysis;

import dev.ltb.stats.Bootstrap;
import dev.ltb.stats.HypothesisTest;
import dev.ltb.stats.IndependentComparison;
import dev.ltb.stats.IndependentSamples;
import dev.ltb.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hipparchus.stat.StatUtils;

/**
 * Compares each provider's results in two runs. When matched cases cover at least half of each run's items the
 * paired tests of the model comparison are used on the matched items (McNemar, Wilcoxon, paired bootstrap);
 * otherwise each run's items are taken as independent samples (Fisher exact or chi-square with Newcombe's
 * interval for pass rates, Welch's t for scores). Pass rates, scores and named metrics are three Holm families
 * over all providers.
 */
final class RunComparator {

  static final String PAIRED_BOOTSTRAP = "paired-bootstrap";
  static final String NEWCOMBE = "newcombe-hybrid-score";
  static final String WELCH = "welch";

  private RunComparator() {}

  static RunComparison compare(PairedSamples before, PairedSamples after, AnalysisOptions options) {
    Objects.requireNonNull(options, "options");
    if (before.pairing() != PairedSamples.Pairing.BY_TEST_CONTENT
        || after.pairing() != PairedSamples.Pairing.BY_TEST_CONTENT)
      throw new IllegalArgumentException(
          "collect both runs with PairedSamples.acrossRuns(): test indexes shift when tests are added or removed,"
              + " so runs are matched by test content");
    Bootstrap bootstrap = options.bootstrap();
    List<String> onlyBefore = new ArrayList<>(before.models());
    onlyBefore.removeAll(after.models());
    List<String> onlyAfter = new ArrayList<>(after.models());
    onlyAfter.removeAll(before.models());

    List<Raw> raws = new ArrayList<>();
    for (String label : after.models()) {
      ModelSamples earlier = before.model(label);
      if (earlier != null) raws.add(raw(earlier, after.model(label), bootstrap));
    }
    double[] passAdjusted = ModelComparator.holm(raws.stream().map(r -> r.passRate.test).toList());
    double[] scoreAdjusted =
        ModelComparator.holm(raws.stream().map(r -> r.score == null ? null : r.score.test).toList());
    List<Change> metricChanges = raws.stream().flatMap(r -> r.metrics.values().stream()).toList();
    double[] metricAdjusted = ModelComparator.holm(metricChanges.stream().map(c -> c.test).toList());

    List<ProviderDelta> models = new ArrayList<>();
    int metricIndex = 0;
    for (int k = 0; k < raws.size(); k++) {
      Raw raw = raws.get(k);
      Delta passRate = raw.passRate.delta(passAdjusted[k], options.alpha());
      Delta score = raw.score == null ? null : raw.score.delta(scoreAdjusted[k], options.alpha());
      Map<String, Delta> metrics = new LinkedHashMap<>();
      for (var entry : raw.metrics.entrySet())
        metrics.put(entry.getKey(), entry.getValue().delta(metricAdjusted[metricIndex++], options.alpha()));
      boolean regression = passRate.verdict() == Verdict.WORSE || score != null && score.verdict() == Verdict.WORSE;
      CaseChanges changes = CaseChanges.of(raw.before, raw.after, after);
      models.add(new ProviderDelta(raw.after.label, raw.paired, raw.matched, raw.before.samples.size(),
          raw.after.samples.size(), passRate, score, metrics, changes.newlyFailing, changes.newlyPassing,
          changes.stillFailing, regression, summary(raw.after.label, passRate, score, changes, regression, options)));
    }
    boolean regression = models.stream().anyMatch(ProviderDelta::regression);
    List<String> regressed = models.stream().filter(ProviderDelta::regression).map(ProviderDelta::model).toList();
    String summary = regression
        ? "regression: " + String.join(", ", regressed) + " got significantly worse"
        : models.isEmpty()
            ? "no provider label appears in both runs: nothing to compare"
            : "no regression: no provider's pass rate or score got significantly worse";
    return new RunComparison(before.runId(), after.runId(), options, models, onlyBefore, onlyAfter, regression,
        summary);
  }

  private static Raw raw(ModelSamples before, ModelSamples after, Bootstrap bootstrap) {
    long matched = after.samples.keySet().stream().filter(before.samples::containsKey).count();
    boolean paired = matched > 0 && 2 * matched >= before.samples.size() && 2 * matched >= after.samples.size();
    Change passRate;
    Change score;
    Map<String, Change> metrics = new TreeMap<>();
    if (paired) {
      passRate = Change.of(PairedEvidence.pass(after.samples, before.samples, bootstrap));
      score = Change.of(PairedEvidence.scores(after.scores(), before.scores(), bootstrap));
      after.metrics.forEach((metric, values) -> {
        TreeMap<CaseKey, Double> earlier = before.metrics.get(metric);
        if (earlier == null) return;
        Change change = Change.of(PairedEvidence.scores(values, earlier, bootstrap));
        if (change != null) metrics.put(metric, change);
      });
    } else {
      Tally was = before.tally(), is = after.tally();
      passRate = Change.unpairedRates(is.passed, is.items, was.passed, was.items);
      score = Change.unpairedMeans(values(after.scores()), values(before.scores()));
      after.metrics.forEach((metric, values) -> {
        TreeMap<CaseKey, Double> earlier = before.metrics.get(metric);
        if (earlier != null) metrics.put(metric, Change.unpairedMeans(values(values), values(earlier)));
      });
    }
    return new Raw(before, after, paired, matched, passRate, score, metrics);
  }

  private static double[] values(Map<CaseKey, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String summary(
      String model, Delta passRate, Delta score, CaseChanges changes, boolean regression, AnalysisOptions options) {
    StringBuilder text = new StringBuilder(model).append(": pass rate ").append(Formats.percent(passRate.before()))
        .append(" → ").append(Formats.percent(passRate.after())).append(" (")
        .append(ModelComparator.evidence(passRate.test(), passRate.pValue(), passRate.adjustedPValue(),
            "no change on any matched case", options))
        .append(")");
    if (score != null)
      text.append(", mean score ").append(Formats.decimal(score.before())).append(" → ")
          .append(Formats.decimal(score.after()));
    text.append("; ").append(changes.newlyFailing.size()).append(" newly failing, ")
        .append(changes.newlyPassing.size()).append(" newly passing, ")
        .append(changes.stillFailing.size()).append(" still failing");
    if (regression) text.append(" — regression");
    return text.toString();
  }

  private record Raw(
      ModelSamples before, ModelSamples after, boolean paired, long matched, Change passRate, Change score,
      Map<String, Change> metrics) {}

  /** A change before the correction; first = later run, second = earlier run. */
  private record Change(
      boolean paired, long pairs, long nBefore, long nAfter, double before, double after, Interval interval,
      String ciMethod, HypothesisTest test, int direction) {

    static Change of(PairedEvidence.Pass pass) {
      return new Change(true, pass.pairs(), pass.pairs(), pass.pairs(), pass.secondRate(), pass.firstRate(),
          pass.interval(), PAIRED_BOOTSTRAP, pass.test(), pass.direction());
    }

    static Change of(PairedEvidence.Scores scores) {
      if (scores == null) return null;
      return new Change(true, scores.pairs(), scores.pairs(), scores.pairs(), scores.secondMean(), scores.firstMean(),
          scores.interval(), PAIRED_BOOTSTRAP, scores.signedRank().test(), scores.signedRank().direction());
    }

    static Change unpairedRates(long passedAfter, long itemsAfter, long passedBefore, long itemsBefore) {
      IndependentComparison comparison =
          IndependentSamples.proportions(passedAfter, itemsAfter, passedBefore, itemsBefore);
      return new Change(false, 0, itemsBefore, itemsAfter, rate(passedBefore, itemsBefore),
          rate(passedAfter, itemsAfter), comparison.interval(), NEWCOMBE, comparison.test(),
          (int) Math.signum(comparison.difference()));
    }

    static Change unpairedMeans(double[] after, double[] before) {
      if (after.length == 0 || before.length == 0) return null;
      IndependentComparison comparison = IndependentSamples.means(after, before);
      double meanBefore = StatUtils.mean(before);
      return new Change(false, 0, before.length, after.length, meanBefore, meanBefore + comparison.difference(),
          comparison.interval(), WELCH, comparison.test(), (int) Math.signum(comparison.difference()));
    }

    private static double rate(long passed, long items) {
      return items == 0 ? 0 : (double) passed / items;
    }

    Delta delta(double adjustedPValue, double alpha) {
      boolean significant = test.performed() && adjustedPValue < alpha;
      return new Delta(paired, pairs, nBefore, nAfter, before, after, after - before,
          interval == null ? null : interval.low(), interval == null ? null : interval.high(), ciMethod,
          test.method(), test.statistic(), test.pValue(), adjustedPValue, Verdict.of(significant, direction));
    }
  }

  /** Per case (all repetitions of a test with a prompt): passes when every repetition passed. */
  private record CaseChanges(List<CaseRef> newlyFailing, List<CaseRef> newlyPassing, List<CaseRef> stillFailing) {

    static CaseChanges of(ModelSamples before, ModelSamples after, PairedSamples runAfter) {
      Map<CaseKey, Boolean> was = casePasses(before), is = casePasses(after);
      List<CaseRef> newlyFailing = new ArrayList<>();
      List<CaseRef> newlyPassing = new ArrayList<>();
      List<CaseRef> stillFailing = new ArrayList<>();
      is.forEach((key, passesNow) -> {
        Boolean passedBefore = was.get(key);
        if (passedBefore == null) return;
        CaseRef ref = new CaseRef(runAfter.test(key.test()).description(), runAfter.promptLabel(key.prompt()),
            key.test());
        if (passedBefore && !passesNow) newlyFailing.add(ref);
        else if (!passedBefore && passesNow) newlyPassing.add(ref);
        else if (!passedBefore) stillFailing.add(ref);
      });
      return new CaseChanges(newlyFailing, newlyPassing, stillFailing);
    }

    private static Map<CaseKey, Boolean> casePasses(ModelSamples model) {
      Map<CaseKey, Boolean> passes = new TreeMap<>();
      model.samples.forEach((key, sample) -> passes.merge(key.withoutRepeat(), sample.passed(), Boolean::logicalAnd));
      return passes;
    }
  }
}
