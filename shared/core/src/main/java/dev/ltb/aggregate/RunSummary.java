package dev.ltb.aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run amounts to: totals and one group per (provider, prompt). Part of the documented output format.
 *
 * @param formatVersion version of the output format, see docs/output-format.md
 * @param runId the run
 * @param description the suite's description
 * @param startedAt when the run started
 * @param finishedAt when the last result arrived
 * @param totals over all items
 * @param groups per provider and prompt, in suite order
 * @param evaluators the evaluator ids and versions that judged this run (reproducibility)
 */
public record RunSummary(
    String formatVersion,
    String runId,
    String description,
    Instant startedAt,
    Instant finishedAt,
    Totals totals,
    List<GroupSummary> groups,
    Map<String, String> evaluators) {

  public static final String FORMAT_VERSION = "1";

  public RunSummary {
    groups = List.copyOf(groups);
    evaluators = evaluators == null ? Map.of() : Map.copyOf(evaluators);
  }
}
