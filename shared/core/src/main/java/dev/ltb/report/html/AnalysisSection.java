package dev.ltb.report.html;

import static dev.ltb.report.html.Html.escape;

import dev.ltb.analysis.Analysis;
import dev.ltb.analysis.CategoryRoute;
import dev.ltb.analysis.CostProjection;
import dev.ltb.analysis.CostRecommendation;
import dev.ltb.analysis.ModelComparison;
import dev.ltb.analysis.PassRateComparison;
import dev.ltb.analysis.QualityMeasure;
import dev.ltb.analysis.RankedModel;
import dev.ltb.analysis.Ranking;
import dev.ltb.analysis.RoutingRecommendation;
import dev.ltb.analysis.ScoreComparison;
import dev.ltb.analysis.TokenPricing;
import dev.ltb.analysis.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables {@code ltb analyze} prints, as a report section: the ranking with intervals, the paired tests
 * between every two models (McNemar for pass rates, Wilcoxon for scores, effect sizes, Holm-adjusted p-values
 * and the verdict), the cost optimizer when a traffic profile was given, and the router when tests carry
 * categories.
 */
final class AnalysisSection {

  private final Analysis analysis;
  private final Map<String, Integer> providerIndexes;
  private final Writer out;

  private AnalysisSection(Analysis analysis, Map<String, Integer> providerIndexes, Writer out) {
    this.analysis = analysis;
    this.providerIndexes = providerIndexes;
    this.out = out;
  }

  /** @param providerIndexes position of each model (provider label) in the suite, for its colour */
  static void write(Analysis analysis, Map<String, Integer> providerIndexes, Writer out) throws IOException {
    new AnalysisSection(analysis, providerIndexes, out).section();
  }

  /** The section's frame when the analysis was left out, saying why and how to get it. */
  static void leftOut(String why, Writer out) throws IOException {
    out.write("<section class=\"card\" id=\"analysis\">\n<h2>Which model is really better</h2>\n"
        + "<p class=\"note\" id=\"analysis-left-out\">" + escape(why) + "</p>\n</section>\n");
  }

  private void section() throws IOException {
    w("<section class=\"card\" id=\"analysis\">\n<h2>Which model is really better</h2>\n");
    w("<p class=\"caption\">" + escape("Models compared on the cases both ran (paired tests), p-values Holm-adjusted "
        + "across all pairs, significance level α = " + number(analysis.options().alpha()) + "; quality is the "
        + quality(analysis.options().quality()) + ". The same numbers as ltb analyze.") + "</p>\n");
    ranking(analysis.ranking());
    comparisons(analysis.comparisons());
    if (analysis.cost() != null) cost(analysis.cost());
    routing(analysis.routing());
    w("</section>\n");
  }

  private void ranking(Ranking ranking) throws IOException {
    w("<h3>Ranking</h3>\n<p class=\"caption\">" + escape("Weighted score of min-max normalised terms: quality "
        + number(ranking.weights().quality()) + ", p95 latency " + number(ranking.weights().latency()) + ", cost "
        + number(ranking.weights().cost()) + ". Intervals are 95% (Wilson for pass rates, bootstrap for scores).")
        + "</p>\n");
    w("<div class=\"table-wrap\"><table id=\"ranking\">\n<thead><tr><th class=\"num\">Rank</th><th>Model</th>"
        + "<th class=\"num\">Score</th><th class=\"num\">" + escape(capitalized(quality(ranking.quality())))
        + "</th><th class=\"num\">p95 latency</th><th class=\"num\">Cost / item</th><th>Notes</th></tr></thead>\n"
        + "<tbody>\n");
    for (RankedModel model : ranking.models()) {
      w("<tr><td class=\"num\">" + model.rank() + "</td><td>" + swatch(model.model()) + escape(model.model()));
      if (!model.providerId().equals(model.model())) w("<div class=\"sub mono\">" + escape(model.providerId()) + "</div>");
      w("</td><td class=\"num\">" + escape(Format.score(model.score())) + "</td><td class=\"num\">");
      if (model.quality() == null) w("–");
      else {
        w(escape(qualityText(model.quality())));
        if (model.qualityCiLow() != null)
          w("<div class=\"ci\">" + escape(qualityInterval(model.qualityCiLow(), model.qualityCiHigh())) + "</div>");
      }
      w("</td><td class=\"num\">" + (model.p95LatencyMs() == null ? "–" : escape(Format.millis(model.p95LatencyMs())))
          + "</td><td class=\"num\">"
          + (model.costPerItemUsd() == null ? "<span class=\"empty\">unknown</span>" : escape(Format.usd(model.costPerItemUsd())))
          + "</td><td>");
      if (model.flags().isEmpty()) w("<span class=\"empty\">none</span>");
      else {
        w("<ul class=\"plain wrap\">");
        for (String flag : model.flags()) w("<li>" + escape(flag) + "</li>");
        w("</ul>");
      }
      w("</td></tr>\n");
    }
    w("</tbody>\n</table></div>\n");
  }

  private void comparisons(List<ModelComparison> comparisons) throws IOException {
    w("<h3>Pairwise comparisons</h3>\n");
    if (comparisons.isEmpty()) {
      w("<p class=\"empty\">One model: nothing to compare.</p>\n");
      return;
    }
    w("<ul class=\"verdicts\" id=\"verdicts\">");
    for (ModelComparison comparison : comparisons)
      w("<li class=\"" + verdictClass(comparison.verdict()) + "\">" + escape(comparison.summary()) + "</li>");
    w("</ul>\n");
    w("<p class=\"caption\">" + escape("Pass/fail: McNemar's test on the discordant pairs (exact below 25), "
        + "difference with a paired-bootstrap 95% interval, discordant odds ratio b/c.") + "</p>\n");
    w("<div class=\"table-wrap\"><table id=\"pairwise-pass-rate\">\n<thead><tr><th>Model A</th><th>Model B</th>"
        + "<th class=\"num\">Pairs</th><th class=\"num\">A</th><th class=\"num\">B</th><th class=\"num\">A − B</th>"
        + "<th class=\"num\">Only A / only B</th><th class=\"num\">Odds ratio</th><th>Test</th>"
        + "<th class=\"num\">p</th><th class=\"num\">Holm p</th><th>Verdict</th></tr></thead>\n<tbody>\n");
    for (ModelComparison comparison : comparisons) passRateRow(comparison);
    w("</tbody>\n</table></div>\n");
    w("<p class=\"caption\">" + escape("Scores: Wilcoxon signed-rank test on the cases both answered (zero "
        + "differences dropped), mean difference with a paired-bootstrap 95% interval, matched-pairs rank-biserial "
        + "correlation r and Cohen's d_z.") + "</p>\n");
    w("<div class=\"table-wrap\"><table id=\"pairwise-score\">\n<thead><tr><th>Model A</th><th>Model B</th>"
        + "<th class=\"num\">Pairs</th><th class=\"num\">Mean A</th><th class=\"num\">Mean B</th>"
        + "<th class=\"num\">A − B</th><th class=\"num\">r</th><th class=\"num\">d_z</th><th>Test</th>"
        + "<th class=\"num\">p</th><th class=\"num\">Holm p</th><th>Verdict</th></tr></thead>\n<tbody>\n");
    for (ModelComparison comparison : comparisons) scoreRow(comparison);
    w("</tbody>\n</table></div>\n");
  }

  private void passRateRow(ModelComparison comparison) throws IOException {
    PassRateComparison pass = comparison.passRate();
    w("<tr>" + models(comparison));
    if (pass == null) {
      w("<td class=\"num\">0</td><td colspan=\"9\" class=\"empty\">no common cases</td></tr>\n");
      return;
    }
    w(num(Format.count(pass.pairs())) + num(Format.percent(pass.rateA())) + num(Format.percent(pass.rateB())));
    w("<td class=\"num\">" + escape(Format.points(pass.difference())) + "<div class=\"ci\">"
        + escape(Format.pointsInterval(pass.ciLow(), pass.ciHigh())) + "</div></td>");
    w(num(pass.onlyAPassed() + " / " + pass.onlyBPassed()));
    w(num(pass.discordantOddsRatio() == null ? "–" : String.format(Locale.ROOT, "%.2f", pass.discordantOddsRatio())));
    w(test(pass.test(), pass.pValue(), pass.adjustedPValue()));
    w(verdict(comparison, pass.verdict()) + "</tr>\n");
  }

  private void scoreRow(ModelComparison comparison) throws IOException {
    ScoreComparison score = comparison.score();
    w("<tr>" + models(comparison));
    if (score == null) {
      w("<td class=\"num\">0</td><td colspan=\"9\" class=\"empty\">no case with an output from both</td></tr>\n");
      return;
    }
    w(num(Format.count(score.pairs())) + num(Format.score(score.meanA())) + num(Format.score(score.meanB())));
    w("<td class=\"num\">" + escape(Format.signed(score.meanDifference())) + "<div class=\"ci\">"
        + escape(Format.signedInterval(score.ciLow(), score.ciHigh())) + "</div></td>");
    w(num(String.format(Locale.ROOT, "%.2f", score.rankBiserial())));
    w(num(score.cohensDz() == null ? "–" : String.format(Locale.ROOT, "%.2f", score.cohensDz())));
    w(test(score.test(), score.pValue(), score.adjustedPValue()));
    w(verdict(comparison, score.verdict()) + "</tr>\n");
  }

  private String models(ModelComparison comparison) {
    return "<td class=\"model\">" + swatch(comparison.modelA()) + escape(comparison.modelA())
        + "</td><td class=\"model\">" + swatch(comparison.modelB()) + escape(comparison.modelB()) + "</td>";
  }

  /** The test, its raw p and its Holm-adjusted p; "none" when nothing could be tested. */
  private String test(String test, double p, double adjusted) {
    if ("none".equals(test))
      return "<td class=\"mono test\">none</td><td class=\"num\">–</td><td class=\"num\">–</td>";
    boolean significant = adjusted < analysis.options().alpha();
    return "<td class=\"mono test\">" + escape(test) + "</td>" + num(Format.pValue(p)) + "<td class=\"num"
        + (significant ? " significant" : "") + "\">" + escape(Format.pValue(adjusted)) + "</td>";
  }

  /** Names the winner, so the cell reads on its own: "gpt-4o-mini better". */
  private static String verdict(ModelComparison comparison, Verdict verdict) {
    String text =
        switch (verdict) {
          case BETTER -> comparison.modelA() + " better";
          case WORSE -> comparison.modelB() + " better";
          case NO_SIGNIFICANT_DIFFERENCE -> "no significant difference";
        };
    return "<td><span class=\"verdict-tag " + verdictClass(verdict) + "\">" + escape(text) + "</span></td>";
  }

  private static String verdictClass(Verdict verdict) {
    return verdict == Verdict.NO_SIGNIFICANT_DIFFERENCE ? "same" : "differs";
  }

  private void cost(CostRecommendation cost) throws IOException {
    w("<h3>Cheapest model not significantly worse</h3>\n<p class=\"caption\">" + escape("Projected for "
        + Format.count(cost.traffic().requestsPerMonth()) + " requests a month of "
        + Format.count(cost.traffic().inputTokensPerRequest()) + " input and "
        + Format.count(cost.traffic().outputTokensPerRequest()) + " output tokens, at the prices observed in this "
        + "run.") + "</p>\n");
    w("<p id=\"cost-summary\"><b>" + escape(cost.summary()) + "</b></p>\n");
    w("<div class=\"table-wrap\"><table id=\"cost-optimizer\">\n<thead><tr><th>Model</th>"
        + "<th class=\"num\">" + escape(capitalized(quality(cost.quality()))) + "</th><th>Against the best</th>"
        + "<th class=\"num\">Difference</th><th>Price</th><th class=\"num\">Per month</th><th>Eligible</th>"
        + "<th>Note</th></tr></thead>\n<tbody>\n");
    for (CostProjection model : cost.models()) {
      w("<tr><td>" + swatch(model.model()) + escape(model.model()) + "</td>");
      w(num(model.quality() == null ? "–" : qualityText(model.quality())));
      w("<td>" + (model.versusBest() == null ? "best" : escape(model.versusBest().text())) + "</td>");
      if (model.differenceVsBest() == null) w("<td class=\"num\">–</td>");
      else
        w("<td class=\"num\">" + escape(difference(model.differenceVsBest())) + "<div class=\"ci\">"
            + escape(differenceInterval(model.differenceCiLow(), model.differenceCiHigh())) + "</div></td>");
      w("<td>" + escape(pricing(model.pricing())) + "</td>");
      w(num(model.monthlyCostUsd() == null ? "unknown" : Format.usd(model.monthlyCostUsd())));
      w("<td>" + (model.eligible() ? "yes" : "no") + "</td><td>" + escape(model.note() == null ? "" : model.note())
          + "</td></tr>\n");
    }
    w("</tbody>\n</table></div>\n");
  }

  private void routing(RoutingRecommendation routing) throws IOException {
    if (routing == null || routing.routes().size() < 2) return;
    w("<h3>Routing by category</h3>\n<p class=\"caption\">" + escape("Per value of the test metadata key \""
        + routing.categoryKey() + "\": the model with the best quality there, then the lowest cost.") + "</p>\n");
    w("<p id=\"routing-summary\">" + escape(routing.summary()) + "</p>\n");
    w("<div class=\"table-wrap\"><table id=\"routing\">\n<thead><tr><th>Category</th><th class=\"num\">Cases</th>"
        + "<th>Model</th><th class=\"num\">" + escape(capitalized(quality(routing.quality())))
        + "</th><th class=\"num\">Cost / item</th></tr></thead>\n<tbody>\n");
    for (CategoryRoute route : routing.routes())
      w("<tr><td>" + escape(route.category()) + "</td>" + num(Format.count(route.cases())) + "<td>"
          + swatch(route.model()) + escape(route.model()) + "</td>"
          + num(route.quality() == null ? "–" : qualityText(route.quality()))
          + num(route.costPerItemUsd() == null ? "unknown" : Format.usd(route.costPerItemUsd())) + "</tr>\n");
    w("</tbody>\n</table></div>\n");
  }

  private String qualityText(double value) {
    return analysis.options().quality() == QualityMeasure.PASS_RATE ? Format.percent(value) : Format.score(value);
  }

  private String qualityInterval(double low, double high) {
    return analysis.options().quality() == QualityMeasure.PASS_RATE
        ? Format.percentInterval(low, high)
        : Format.scoreInterval(low, high);
  }

  private String difference(double value) {
    return analysis.options().quality() == QualityMeasure.PASS_RATE ? Format.points(value) : Format.signed(value);
  }

  private String differenceInterval(Double low, Double high) {
    return analysis.options().quality() == QualityMeasure.PASS_RATE
        ? Format.pointsInterval(low, high)
        : Format.signedInterval(low, high);
  }

  private static String pricing(TokenPricing pricing) {
    if (pricing == null) return "unknown";
    if (pricing.inputUsdPerToken() == null || pricing.outputUsdPerToken() == null)
      return Format.usd(pricing.usdPerRequest()) + " per request (" + pricing.method() + ")";
    return Format.usd(pricing.inputUsdPerToken() * 1e6) + " / " + Format.usd(pricing.outputUsdPerToken() * 1e6)
        + " per million in / out (" + pricing.method() + ")";
  }

  private static String quality(QualityMeasure measure) {
    return measure == QualityMeasure.PASS_RATE ? "pass rate" : "mean score";
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String number(double value) {
    return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  private String swatch(String model) {
    Integer index = providerIndexes.get(model);
    return index == null ? "" : "<span class=\"swatch p" + Math.floorMod(index, Palette.PROVIDERS.size()) + "\"></span>";
  }

  private static String num(String text) {
    return "<td class=\"num\">" + escape(text) + "</td>";
  }

  private void w(String text) throws IOException {
    out.write(text);
  }
}
