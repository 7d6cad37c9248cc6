package dev.ltb.report.html;

import dev.ltb.aggregate.LatencySummary;
import java.util.List;

/**
 * Small multiples on one time axis: per group, a histogram of call latency (judged items) with p50, p95 and
 * p99 from the summary marked; calls slower than the axis are counted in a last, hatched bar.
 */
final class LatencyChart {

  static final int WIDTH = 560;
  private static final int PLOT_LEFT = 160;
  private static final int PLOT_RIGHT = 440;
  private static final int OVERFLOW_GAP = 6;
  private static final int ROW = 50;
  private static final int BAR_AREA = 40;
  private static final int TOP = 22;
  private static final int AXIS = 24;

  private LatencyChart() {}

  static String render(List<ReportGroup> groups) {
    int height = TOP + ROW * groups.size() + AXIS;
    var svg = new Svg("latency", WIDTH, height, "Latency distribution by provider with p50, p95 and p99 marked");
    legend(svg);
    double upper = groups.isEmpty() ? 1000 : groups.getFirst().latencyMs().upper();
    int bins = ReportData.LATENCY_BINS;
    double binWidth = (PLOT_RIGHT - PLOT_LEFT) / (double) bins;
    long maxCount = 1;
    for (ReportGroup group : groups) maxCount = Math.max(maxCount, group.latencyMs().maxCount());
    for (int i = 0; i < groups.size(); i++) {
      ReportGroup group = groups.get(i);
      Histogram latency = group.latencyMs();
      double baseline = TOP + i * ROW + BAR_AREA;
      svg.rowLabel(PLOT_LEFT - 8, baseline - BAR_AREA / 2.0, group);
      svg.line(PLOT_LEFT, baseline, PLOT_RIGHT, baseline, "axis");
      for (int bin = 0; bin < bins; bin++) {
        long count = latency.count(bin);
        if (count == 0) continue;
        double height1 = Math.max(1, count / (double) maxCount * (BAR_AREA - 4));
        svg.rect(PLOT_LEFT + bin * binWidth + 0.5, baseline - height1, binWidth - 1, height1,
            "bin " + group.colourClass(), group.colour(),
            "%s: %s calls took %s–%s".formatted(group.label(), Format.count(count),
                Format.millis(bin * upper / bins), Format.millis((bin + 1) * upper / bins)));
      }
      if (latency.overflow() > 0) {
        double height1 = Math.max(1, latency.overflow() / (double) maxCount * (BAR_AREA - 4));
        svg.rect(PLOT_RIGHT + OVERFLOW_GAP, baseline - height1, binWidth, height1, "bin overflow", group.colour(),
            "%s: %s calls took %s or longer".formatted(group.label(), Format.count(latency.overflow()),
                Format.millis(upper)));
      }
      LatencySummary percentiles = group.summary() == null ? null : group.summary().latencyMs();
      if (percentiles != null && percentiles.n() > 0) {
        marker(svg, group, "p50", percentiles.p50(), upper, baseline);
        marker(svg, group, "p95", percentiles.p95(), upper, baseline);
        marker(svg, group, "p99", percentiles.p99(), upper, baseline);
        double textTop = baseline - BAR_AREA + 10;
        svg.text(WIDTH - 4, textTop, "p50 " + Format.millis(percentiles.p50()), "value minor", "end");
        svg.text(WIDTH - 4, textTop + 13, "p95 " + Format.millis(percentiles.p95()), "value minor", "end");
        svg.text(WIDTH - 4, textTop + 26, "p99 " + Format.millis(percentiles.p99()), "value minor", "end");
      } else {
        svg.text(WIDTH - 4, baseline - BAR_AREA / 2.0 + 4, "no calls", "value minor", "end");
      }
    }
    double axisY = TOP + ROW * groups.size() - ROW + BAR_AREA;
    double step = Ticks.step(upper, 4);
    for (double tick : Ticks.linear(0, upper, step))
      svg.text(x(tick, upper), axisY + 16, Format.millisTick(tick, step), "tick", "middle");
    return svg.toSvg();
  }

  private static void legend(Svg svg) {
    double x = PLOT_LEFT;
    for (String percentile : List.of("p50", "p95", "p99")) {
      svg.line(x, 8, x, 20, "marker " + percentile);
      svg.text(x + 5, 18, percentile, "tick", "start");
      x += 52;
    }
  }

  private static void marker(Svg svg, ReportGroup group, String name, long millis, double upper, double baseline) {
    if (millis > upper) return;
    double x = x(millis, upper);
    svg.line(x, baseline - BAR_AREA + 2, x, baseline + 3, "marker " + name,
        "%s: %s latency %s".formatted(group.label(), name, Format.millis(millis)));
  }

  private static double x(double millis, double upper) {
    return PLOT_LEFT + millis / upper * (PLOT_RIGHT - PLOT_LEFT);
  }
}
