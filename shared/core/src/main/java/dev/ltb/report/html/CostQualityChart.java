package dev.ltb.report.html;

import dev.ltb.aggregate.Proportion;
import java.util.List;
import java.util.Objects;

/**
 * Scatter: one point per group, mean known cost per item against pass rate (with its 95 % interval). Groups
 * whose cost is unknown sit in a separate lane as hollow points; a dashed ring marks a cost that is only a
 * lower bound because some items' cost is unknown. The cost axis turns logarithmic when costs span a decade.
 */
final class CostQualityChart {

  static final int WIDTH = 560;
  static final int HEIGHT = 300;
  private static final int LANE_LEFT = 54;
  private static final int LANE_RIGHT = 104;
  private static final int PLOT_LEFT = 128;
  private static final int PLOT_RIGHT = 500;
  private static final int PLOT_TOP = 14;
  private static final int PLOT_BOTTOM = 250;

  private CostQualityChart() {}

  static String render(List<ReportGroup> groups) {
    var svg = new Svg("cost-quality", WIDTH, HEIGHT, "Cost per item against pass rate, one point per provider");
    double lowest = groups.stream().mapToDouble(group -> group.summary().passRate().ciLow()).min().orElse(0);
    double yStep = lowest < 0.5 ? 0.2 : 0.1;
    double yLow = Math.min(0.8, Math.floor(lowest / yStep + 1e-9) * yStep);
    for (double tick : Ticks.linear(yLow, 1, yStep)) {
      svg.line(LANE_LEFT, y(tick, yLow), PLOT_RIGHT, y(tick, yLow), tick == yLow ? "axis" : "grid");
      svg.text(LANE_LEFT - 6, y(tick, yLow) + 4, Format.percent(tick).replace(".0", ""), "tick", "end");
    }
    svg.verticalText(12, (PLOT_TOP + PLOT_BOTTOM) / 2.0, "pass rate", "axis-title");
    svg.rect(LANE_LEFT, PLOT_TOP, LANE_RIGHT - LANE_LEFT, PLOT_BOTTOM - PLOT_TOP, "lane", null, null);
    svg.text((LANE_LEFT + LANE_RIGHT) / 2.0, PLOT_BOTTOM + 16, "unknown", "tick", "middle");
    svg.text((PLOT_LEFT + PLOT_RIGHT) / 2.0, HEIGHT - 8, "cost per item (USD)", "axis-title", "middle");

    List<Double> costs = groups.stream().map(ReportGroup::costPerItem).filter(Objects::nonNull).toList();
    CostAxis axis = CostAxis.of(costs);
    for (double tick : axis.ticks()) {
      svg.line(axis.x(tick), PLOT_TOP, axis.x(tick), PLOT_BOTTOM, "grid");
      svg.text(axis.x(tick), PLOT_BOTTOM + 16, Format.usd(tick), "tick", "middle");
    }
    var labels = new LabelPlacer();
    for (ReportGroup group : groups)
      labels.reservePoint(pointX(group, axis, groups), y(group.summary().passRate().rate(), yLow));
    for (ReportGroup group : groups) {
      Proportion rate = group.summary().passRate();
      Double cost = group.costPerItem();
      double x = pointX(group, axis, groups);
      double y = y(rate.rate(), yLow);
      boolean partial = cost != null && group.summary().costUnknownItems() > 0;
      String title =
          "%s: pass rate %s %s, %s".formatted(group.label(), Format.percent(rate.rate()),
              Format.percentInterval(rate.ciLow(), rate.ciHigh()),
              cost == null ? "cost unknown"
                  : Format.usd(cost) + " per item" + (partial
                      ? " (at least; cost of " + Format.count(group.summary().costUnknownItems()) + " items unknown)"
                      : ""));
      svg.group("point " + group.colourClass(), title);
      svg.line(x, y(rate.ciLow(), yLow), x, y(rate.ciHigh(), yLow), "whisker");
      if (partial) svg.circle(x, y, 9.5, "partial", "none", group.colour());
      if (cost == null) svg.circle(x, y, 6, "dot hollow", "#ffffff", group.colour());
      else svg.circle(x, y, 6.5, "dot", group.colour(), "#ffffff");
      labels.place(svg, x, y, Svg.fit(group.label(), 26));
      svg.end();
    }
    return svg.toSvg();
  }

  /** Where a group's point goes: its cost on the axis, or its slot in the "unknown" lane. */
  private static double pointX(ReportGroup group, CostAxis axis, List<ReportGroup> groups) {
    if (group.costPerItem() != null) return axis.x(group.costPerItem());
    List<ReportGroup> unknown = groups.stream().filter(g -> g.costPerItem() == null).toList();
    return LANE_LEFT + (LANE_RIGHT - LANE_LEFT) * (unknown.indexOf(group) + 1) / (unknown.size() + 1.0);
  }

  /**
   * Puts each point's label at the first of a few spots around it that overlaps no point and no label placed
   * before; with too many points it falls back to the first spot.
   */
  private static final class LabelPlacer {
    private static final double CHAR_WIDTH = 6.9;
    private static final double HEIGHT = 13;
    private static final double[][] SPOTS = {{12, -5}, {12, 14}, {-12, -5}, {-12, 14}, {12, -19}, {12, 28}, {-12, 28}};
    private final List<double[]> taken = new java.util.ArrayList<>();

    void reservePoint(double x, double y) {
      taken.add(new double[] {x - 8, y - 8, x + 8, y + 8});
    }

    void place(Svg svg, double x, double y, String label) {
      double width = label.length() * CHAR_WIDTH;
      double[] chosen = null;
      for (double[] spot : SPOTS) {
        double[] box = box(x + spot[0], y + spot[1], width, spot[0] < 0);
        if (box[0] >= 0 && box[2] <= WIDTH && box[1] >= 0 && box[3] <= PLOT_BOTTOM && free(box)) {
          chosen = spot;
          break;
        }
      }
      if (chosen == null) chosen = x + 12 + width <= WIDTH ? SPOTS[0] : SPOTS[2];
      boolean left = chosen[0] < 0;
      taken.add(box(x + chosen[0], y + chosen[1], width, left));
      svg.text(x + chosen[0], y + chosen[1], label, "point-label", left ? "end" : "start");
    }

    private boolean free(double[] box) {
      for (double[] other : taken)
        if (box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3]) return false;
      return true;
    }

    /** The label's box, from its text anchor (baseline). */
    private static double[] box(double x, double baseline, double width, boolean alignEnd) {
      double left = alignEnd ? x - width : x;
      return new double[] {left, baseline - HEIGHT + 3, left + width, baseline + 3};
    }
  }

  private static double y(double rate, double low) {
    return PLOT_BOTTOM - (Math.clamp(rate, low, 1) - low) / (1 - low) * (PLOT_BOTTOM - PLOT_TOP);
  }

  /** Linear from 0 when costs are close, logarithmic (decade ticks) when they differ tenfold or more. */
  private record CostAxis(boolean log, double low, double high, List<Double> ticks) {

    static CostAxis of(List<Double> costs) {
      double max = costs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double minPositive = costs.stream().mapToDouble(Double::doubleValue).filter(c -> c > 0).min().orElse(0);
      if (minPositive > 0 && max / minPositive >= 10) {
        double low = Math.pow(10, Math.floor(Math.log10(minPositive)));
        double high = Math.pow(10, Math.ceil(Math.log10(max)));
        return new CostAxis(true, low, high, Ticks.decades(low, high));
      }
      double high = max > 0 ? Ticks.niceCeiling(max * 1.15) : 0.01;
      return new CostAxis(false, 0, high, Ticks.linear(0, high, Ticks.step(high, 4)));
    }

    double x(double cost) {
      double position = log
          ? (Math.log10(Math.max(cost, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
          : cost / high;
      return PLOT_LEFT + 12 + position * (PLOT_RIGHT - PLOT_LEFT - 24);
    }
  }
}
