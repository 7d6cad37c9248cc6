package dev.ltb.pipeline;

import dev.ltb.run.RunHistory;

/**
 * Told by {@link NotifyStep} once a run's terminal event is published, e.g. to queue the tenant's outbound webhooks
 * ({@code dev.ltb.webhook.WebhookNotifier}). A failure is thrown to the step, so the pipeline state retries; listeners
 * must therefore be idempotent (webhook deliveries keep their ids, receivers deduplicate).
 */
@FunctionalInterface
public interface RunEndListener {

  void runEnded(RunRef run, RunHistory history);
}
