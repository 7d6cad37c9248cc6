package dev.ltb.engine;

import dev.ltb.evaluator.TestOutcome;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.time.Instant;

/** Collects what is known about an item as it progresses, then builds its {@link ItemResult}. */
final class ItemResultBuilder {

  private final String runId;
  private final WorkItem item;
  private final TestCase test;
  private final Prompt prompt;
  private final ProviderSpec provider;
  private final Instant startedAt;
  private String renderedPrompt = "";
  private ProviderResponse response;
  private int attempts;

  ItemResultBuilder(String runId, WorkItem item, TestCase test, Prompt prompt, ProviderSpec provider, Instant startedAt) {
    this.runId = runId;
    this.item = item;
    this.test = test;
    this.prompt = prompt;
    this.provider = provider;
    this.startedAt = startedAt;
  }

  ItemResultBuilder renderedPrompt(String value) {
    this.renderedPrompt = value;
    return this;
  }

  ItemResultBuilder attempts(int value) {
    this.attempts = value;
    return this;
  }

  ItemResultBuilder response(ProviderResponse value) {
    this.response = value;
    return this;
  }

  ItemResult error(String kind, String message) {
    return build(ItemStatus.ERROR, 0, message, null, new ItemError(kind, message));
  }

  ItemResult outcome(TestOutcome outcome) {
    return build(outcome.pass() ? ItemStatus.PASS : ItemStatus.FAIL, outcome.score(), outcome.reason(), outcome, null);
  }

  private ItemResult build(ItemStatus status, double score, String reason, TestOutcome outcome, ItemError error) {
    return new ItemResult(
        runId,
        item.id(),
        item.testIndex(),
        test.description(),
        test.vars(),
        test.metadata(),
        prompt.id(),
        prompt.label(),
        renderedPrompt,
        item.providerIndex(),
        provider.id(),
        provider.label(),
        item.repeatIndex(),
        status,
        score,
        reason,
        response == null ? "" : response.output(),
        outcome == null ? null : outcome.assertions(),
        outcome == null ? null : outcome.namedScores(),
        response == null ? null : response.usage(),
        outcome == null ? null : outcome.judgeTokens(),
        response == null ? null : response.costUsd(),
        outcome == null ? 0 : outcome.judgeCostUsd(),
        response == null ? 0 : response.latencyMs(),
        response == null ? null : response.timeToFirstTokenMs(),
        response == null ? null : response.finishReason().id(),
        response != null && response.cached(),
        attempts,
        error,
        startedAt);
  }
}
