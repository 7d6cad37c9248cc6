package dev.ltb.report.html;

import dev.ltb.aggregate.Proportion;
import java.util.List;

/** Horizontal bars: each group's pass rate, with its 95 % Wilson interval as a whisker. */
final class PassRateChart {

  static final int WIDTH = 560;
  private static final int PLOT_LEFT = 160;
  private static final int PLOT_RIGHT = 488;
  private static final int ROW = 34;
  private static final int BAR = 20;
  private static final int TOP = 8;
  private static final int AXIS = 26;

  private PassRateChart() {}

  static String render(List<ReportGroup> groups) {
    int height = TOP + ROW * groups.size() + AXIS;
    var svg = new Svg("pass-rate", WIDTH, height, "Pass rate by provider with 95% confidence intervals");
    double plotBottom = TOP + ROW * groups.size();
    for (double tick : Ticks.linear(0, 1, 0.25)) {
      double x = x(tick);
      svg.line(x, TOP - 4, x, plotBottom, tick == 0 ? "axis" : "grid");
      svg.text(x, plotBottom + 16, Format.percent(tick).replace(".0", ""), "tick", "middle");
    }
    for (int i = 0; i < groups.size(); i++) {
      ReportGroup group = groups.get(i);
      Proportion rate = group.summary().passRate();
      double top = TOP + i * ROW + (ROW - BAR) / 2.0;
      double middle = top + BAR / 2.0;
      String title =
          "%s: %s passed (%s of %s), 95%% CI %s"
              .formatted(
                  group.label(), Format.percent(rate.rate()), Format.count(rate.successes()),
                  Format.count(rate.trials()), Format.percentInterval(rate.ciLow(), rate.ciHigh()));
      svg.rowLabel(PLOT_LEFT - 8, middle, group);
      svg.rect(x(0), top, x(rate.rate()) - x(0), BAR, "bar " + group.colourClass(), group.colour(), title);
      svg.group("ci", title);
      svg.line(x(rate.ciLow()), middle, x(rate.ciHigh()), middle, "whisker");
      svg.line(x(rate.ciLow()), middle - 5, x(rate.ciLow()), middle + 5, "whisker");
      svg.line(x(rate.ciHigh()), middle - 5, x(rate.ciHigh()), middle + 5, "whisker");
      svg.end();
      svg.text(WIDTH - 4, middle + 4, Format.percent(rate.rate()), "value", "end");
    }
    return svg.toSvg();
  }

  private static double x(double rate) {
    return PLOT_LEFT + Math.clamp(rate, 0, 1) * (PLOT_RIGHT - PLOT_LEFT);
  }
}
