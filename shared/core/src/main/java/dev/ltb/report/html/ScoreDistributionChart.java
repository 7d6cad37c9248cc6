package dev.ltb.report.html;

import dev.ltb.aggregate.Estimate;
import java.util.List;

/**
 * Small multiples: per group, a histogram of test scores in ten bins over [0, 1] (share of the group's judged
 * items, one scale for all groups), with the mean marked.
 */
final class ScoreDistributionChart {

  static final int WIDTH = 560;
  private static final int PLOT_LEFT = 160;
  private static final int PLOT_RIGHT = 470;
  private static final int ROW = 48;
  private static final int BAR_AREA = 38;
  private static final int TOP = 6;
  private static final int AXIS = 24;

  private ScoreDistributionChart() {}

  static String render(List<ReportGroup> groups) {
    int height = TOP + ROW * groups.size() + AXIS;
    var svg = new Svg("scores", WIDTH, height, "Distribution of test scores by provider");
    double maxShare = 0;
    for (ReportGroup group : groups)
      if (group.scores().total() > 0)
        maxShare = Math.max(maxShare, group.scores().maxCount() / (double) group.scores().total());
    double binWidth = (PLOT_RIGHT - PLOT_LEFT) / (double) ReportData.SCORE_BINS;
    for (int i = 0; i < groups.size(); i++) {
      ReportGroup group = groups.get(i);
      Histogram scores = group.scores();
      double baseline = TOP + i * ROW + BAR_AREA;
      svg.rowLabel(PLOT_LEFT - 8, baseline - BAR_AREA / 2.0, group);
      svg.line(PLOT_LEFT, baseline, PLOT_RIGHT, baseline, "axis");
      for (int bin = 0; bin < scores.binCount() && maxShare > 0; bin++) {
        long count = scores.count(bin);
        if (count == 0) continue;
        double share = count / (double) scores.total();
        double height1 = Math.max(1, share / maxShare * (BAR_AREA - 4));
        svg.rect(
            PLOT_LEFT + bin * binWidth + 1, baseline - height1, binWidth - 2, height1, "bin " + group.colourClass(),
            group.colour(),
            "%s: %s of judged items scored %s–%s"
                .formatted(group.label(), Format.percent(share), Format.score(bin / 10.0),
                    Format.score((bin + 1) / 10.0)));
      }
      Estimate score = group.summary() == null ? null : group.summary().score();
      if (score != null && score.n() > 0 && Double.isFinite(score.mean())) {
        double x = PLOT_LEFT + Math.clamp(score.mean(), 0, 1) * (PLOT_RIGHT - PLOT_LEFT);
        svg.line(x, baseline - BAR_AREA, x, baseline + 3, "mean",
            "%s: mean score %s, 95%% CI %s".formatted(group.label(), Format.score(score.mean()),
                Format.scoreInterval(score.ciLow(), score.ciHigh())));
        svg.text(WIDTH - 4, baseline - BAR_AREA / 2.0 - 2, "mean " + Format.score(score.mean()), "value", "end");
        svg.text(WIDTH - 4, baseline - BAR_AREA / 2.0 + 11, Format.scoreInterval(score.ciLow(), score.ciHigh()),
            "value minor", "end");
      } else {
        svg.text(WIDTH - 4, baseline - BAR_AREA / 2.0 + 4, "no scores", "value minor", "end");
      }
    }
    double axisY = TOP + ROW * groups.size() - ROW + BAR_AREA;
    for (double tick : List.of(0.0, 0.5, 1.0))
      svg.text(PLOT_LEFT + tick * (PLOT_RIGHT - PLOT_LEFT), axisY + 16, Format.tick(tick, 0.5), "tick", "middle");
    return svg.toSvg();
  }
}
