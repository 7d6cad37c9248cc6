package dev.ltb.report.html;

import dev.ltb.aggregate.GroupSummary;

/**
 * One (provider, prompt) group as the report draws it: the summary's statistics and the bounded histograms
 * built while the results streamed by.
 *
 * @param id html id of the group ({@code g0}, {@code g1}, ...), used by the results filter
 * @param label what charts and tables call it: the provider label, plus the prompt label when the run had
 *     several prompts
 * @param showPrompt whether the run had several prompts, so that charts name the prompt too
 * @param summary the aggregator's statistics, or null for results of a group the summary does not know
 * @param scores scores of judged items (errors excluded)
 * @param latencyMs latency of judged items (errors excluded)
 */
public record ReportGroup(
    String id,
    String label,
    int providerIndex,
    String providerLabel,
    String promptLabel,
    boolean showPrompt,
    GroupSummary summary,
    Histogram scores,
    Histogram latencyMs) {

  public String colour() {
    return Palette.provider(providerIndex);
  }

  /** The CSS class carrying the provider's colour ({@code p0}...). */
  public String colourClass() {
    return "p" + Math.floorMod(providerIndex, Palette.PROVIDERS.size());
  }

  /** Known cost per item whose cost is known, or null when no item's cost is known. */
  public Double costPerItem() {
    if (summary == null) return null;
    long known = summary.items() - summary.costUnknownItems();
    return known <= 0 ? null : summary.costUsd() / known;
  }
}
