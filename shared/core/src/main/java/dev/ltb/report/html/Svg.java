package dev.ltb.report.html;

import java.util.Locale;

/**
 * A small builder for inline SVG. Inline SVG in HTML needs no namespace declaration, so the report contains
 * no URL at all. Every text and title goes through {@link Html#escape}.
 */
final class Svg {

  private static final int ROW_LABEL_CHARS = 22;

  private final StringBuilder out = new StringBuilder(4096);

  Svg(String cssClass, int width, int height, String label) {
    out.append("<svg class=\"chart ")
        .append(cssClass)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(label))
        .append("\">");
  }

  Svg rect(double x, double y, double width, double height, String cssClass, String fill, String title) {
    out.append("<rect");
    attr("class", cssClass);
    num("x", x).num("y", y).num("width", Math.max(0, width)).num("height", Math.max(0, height));
    attr("fill", fill);
    return close("rect", title);
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    return line(x1, y1, x2, y2, cssClass, null);
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass, String title) {
    out.append("<line");
    attr("class", cssClass);
    num("x1", x1).num("y1", y1).num("x2", x2).num("y2", y2);
    return close("line", title);
  }

  Svg circle(double cx, double cy, double r, String cssClass, String fill, String stroke) {
    out.append("<circle");
    attr("class", cssClass);
    num("cx", cx).num("cy", cy).num("r", r);
    attr("fill", fill);
    attr("stroke", stroke);
    return close("circle", null);
  }

  /** Text turned 90° counter-clockwise around its anchor point (vertical axis titles). */
  Svg verticalText(double x, double y, String text, String cssClass) {
    out.append("<text");
    attr("class", cssClass);
    num("x", x).num("y", y);
    attr("text-anchor", "middle");
    out.append(" transform=\"rotate(-90 ").append(number(x)).append(' ').append(number(y)).append(")\">");
    out.append(Html.escape(text)).append("</text>");
    return this;
  }

  /** Text; {@code anchor} is start, middle or end. */
  Svg text(double x, double y, String text, String cssClass, String anchor) {
    return text(x, y, text, cssClass, anchor, null);
  }

  Svg text(double x, double y, String text, String cssClass, String anchor, String title) {
    out.append("<text");
    attr("class", cssClass);
    num("x", x).num("y", y);
    if (anchor != null && !anchor.equals("start")) attr("text-anchor", anchor);
    out.append('>');
    if (title != null) out.append("<title>").append(Html.escape(title)).append("</title>");
    out.append(Html.escape(text)).append("</text>");
    return this;
  }

  /** A group; close it with {@link #end()}. */
  Svg group(String cssClass, String title) {
    out.append("<g");
    attr("class", cssClass);
    out.append('>');
    if (title != null) out.append("<title>").append(Html.escape(title)).append("</title>");
    return this;
  }

  Svg end() {
    out.append("</g>");
    return this;
  }

  String toSvg() {
    return out + "</svg>";
  }

  private Svg close(String element, String title) {
    if (title == null) out.append("/>");
    else out.append("><title>").append(Html.escape(title)).append("</title></").append(element).append('>');
    return this;
  }

  private Svg num(String name, double value) {
    out.append(' ').append(name).append("=\"").append(number(value)).append('"');
    return this;
  }

  private void attr(String name, String value) {
    if (value != null) out.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"');
  }

  static String number(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    return rounded == Math.rint(rounded)
        ? Long.toString((long) rounded)
        : String.format(Locale.ROOT, "%.1f", rounded);
  }

  /** Shortens a label to fit a chart's label column; the full text goes into a title. */
  static String fit(String label, int maxChars) {
    return label.length() <= maxChars ? label : label.substring(0, maxChars - 1) + "…";
  }

  /**
   * A group's label, right-aligned at x and centred on y: the provider, and below it the prompt when the run
   * had several. Long labels are shortened and shown in full as their tooltip.
   */
  Svg rowLabel(double x, double y, ReportGroup group) {
    if (!group.showPrompt()) return fittedText(x, y + 4, group.providerLabel(), "label");
    fittedText(x, y - 2, group.providerLabel(), "label");
    return fittedText(x, y + 11, group.promptLabel(), "label minor");
  }

  private Svg fittedText(double x, double y, String label, String cssClass) {
    return text(x, y, fit(label, ROW_LABEL_CHARS), cssClass, "end", label.length() > ROW_LABEL_CHARS ? label : null);
  }
}
