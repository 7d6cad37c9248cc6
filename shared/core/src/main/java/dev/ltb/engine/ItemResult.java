package dev.ltb.engine;

import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.provider.TokenUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stored result of one work item: one line of the JSONL output and one row of the history. The JSON
 * form is the documented, versioned output format (docs/output-format.md): add fields, never rename them.
 *
 * @param runId the run
 * @param itemId the work item's stable id
 * @param testIndex position of the test in the expanded suite
 * @param testDescription the test's description
 * @param vars the test's variables
 * @param metadata the test's metadata (e.g. category)
 * @param promptId the prompt's id
 * @param promptLabel the prompt's label
 * @param renderedPrompt the prompt after templating
 * @param providerIndex position of the provider in the suite
 * @param providerId the provider id
 * @param providerLabel the provider label
 * @param repeatIndex which repetition (0-based)
 * @param status PASS, FAIL or ERROR
 * @param score the test score in [0, 1] (0 for errors)
 * @param reason why it passed or failed
 * @param output the model's output (empty on error)
 * @param assertions each assertion's outcome
 * @param namedScores per named metric
 * @param tokens provider tokens (plus any judge tokens in {@code judgeTokens})
 * @param judgeTokens tokens spent by model-graded evaluators
 * @param costUsd provider cost in USD, null when unknown
 * @param judgeCostUsd what the model-graded evaluators' judge calls cost in USD (0 when none reported a cost);
 *     the item's whole cost is {@code costUsd + judgeCostUsd}
 * @param latencyMs provider call latency of the successful attempt
 * @param timeToFirstTokenMs for streamed calls
 * @param finishReason normalized finish reason id
 * @param cached whether the response came from the cache
 * @param attempts provider calls made (1 + retries)
 * @param error set when status is ERROR
 * @param startedAt when the item started
 */
public record ItemResult(
    String runId,
    String itemId,
    int testIndex,
    String testDescription,
    Map<String, Object> vars,
    Map<String, Object> metadata,
    String promptId,
    String promptLabel,
    String renderedPrompt,
    int providerIndex,
    String providerId,
    String providerLabel,
    int repeatIndex,
    ItemStatus status,
    double score,
    String reason,
    String output,
    List<AssertionOutcome> assertions,
    Map<String, Double> namedScores,
    TokenUsage tokens,
    TokenUsage judgeTokens,
    Double costUsd,
    double judgeCostUsd,
    long latencyMs,
    Long timeToFirstTokenMs,
    String finishReason,
    boolean cached,
    int attempts,
    ItemError error,
    Instant startedAt) {

  public ItemResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(status, "status");
    vars = vars == null ? Map.of() : vars;
    metadata = metadata == null ? Map.of() : metadata;
    assertions = assertions == null ? List.of() : List.copyOf(assertions);
    namedScores = namedScores == null ? Map.of() : namedScores;
    tokens = tokens == null ? TokenUsage.NONE : tokens;
    judgeTokens = judgeTokens == null ? TokenUsage.NONE : judgeTokens;
    output = output == null ? "" : output;
    reason = reason == null ? "" : reason;
    if (status == ItemStatus.ERROR && error == null)
      throw new IllegalArgumentException("an ERROR result needs an error");
    if (Double.isNaN(judgeCostUsd) || judgeCostUsd < 0)
      throw new IllegalArgumentException("judgeCostUsd must be >= 0, was " + judgeCostUsd);
  }

  /** A result without judge cost (the fields before {@code judgeCostUsd} was added). */
  public ItemResult(
      String runId,
      String itemId,
      int testIndex,
      String testDescription,
      Map<String, Object> vars,
      Map<String, Object> metadata,
      String promptId,
      String promptLabel,
      String renderedPrompt,
      int providerIndex,
      String providerId,
      String providerLabel,
      int repeatIndex,
      ItemStatus status,
      double score,
      String reason,
      String output,
      List<AssertionOutcome> assertions,
      Map<String, Double> namedScores,
      TokenUsage tokens,
      TokenUsage judgeTokens,
      Double costUsd,
      long latencyMs,
      Long timeToFirstTokenMs,
      String finishReason,
      boolean cached,
      int attempts,
      ItemError error,
      Instant startedAt) {
    this(runId, itemId, testIndex, testDescription, vars, metadata, promptId, promptLabel, renderedPrompt,
        providerIndex, providerId, providerLabel, repeatIndex, status, score, reason, output, assertions,
        namedScores, tokens, judgeTokens, costUsd, 0, latencyMs, timeToFirstTokenMs, finishReason, cached,
        attempts, error, startedAt);
  }

  /** Provider cost plus judge cost, or null when the provider cost is unknown. */
  public Double totalCostUsd() {
    return costUsd == null ? null : costUsd + judgeCostUsd;
  }

  public boolean passed() {
    return status == ItemStatus.PASS;
  }
}
