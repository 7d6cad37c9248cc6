package dev.ltb.functions;

import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ResultSink;
import dev.ltb.pipeline.ShardDisposition;
import java.util.ArrayList;
import java.util.List;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The worker's CloudWatch metrics as Embedded Metric Format log lines, through Powertools' functional API:
 * per invocation {@code Items}, {@code ItemsPassed}, {@code ItemsFailed}, {@code ItemErrors}, {@code
 * ProviderLatency} (one value per item), {@code InputTokens}, {@code OutputTokens}, {@code CostUsd}, and
 * {@code ShardsRetried}. Results arrive on many threads; they are tallied here and handed to Powertools
 * once per invocation, on the handler's thread.
 */
public final class WorkerMetrics implements ResultSink {

  private final Metrics metrics;
  private final List<Long> latencies = new ArrayList<>();
  private long items;
  private long passed;
  private long failed;
  private long errors;
  private long inputTokens;
  private long outputTokens;
  private double costUsd;
  private long shardsRetried;

  public WorkerMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public synchronized void accept(ItemResult result) {
    items++;
    switch (result.status()) {
      case PASS -> passed++;
      case FAIL -> failed++;
      case ERROR -> errors++;
    }
    if (result.error() == null) latencies.add(result.latencyMs());
    if (result.tokens() != null) {
      inputTokens += result.tokens().input();
      outputTokens += result.tokens().output();
    }
    if (result.costUsd() != null) costUsd += result.costUsd();
  }

  synchronized void shardHandled(ShardDisposition disposition) {
    if (disposition == ShardDisposition.RETRY) shardsRetried++;
  }

  /** Emits what was tallied since the last flush as one EMF document, and starts over. */
  synchronized void flush() {
    metrics.addMetric("Items", items, MetricUnit.COUNT);
    metrics.addMetric("ItemsPassed", passed, MetricUnit.COUNT);
    metrics.addMetric("ItemsFailed", failed, MetricUnit.COUNT);
    metrics.addMetric("ItemErrors", errors, MetricUnit.COUNT);
    metrics.addMetric("InputTokens", inputTokens, MetricUnit.COUNT);
    metrics.addMetric("OutputTokens", outputTokens, MetricUnit.COUNT);
    metrics.addMetric("CostUsd", costUsd, MetricUnit.NONE);
    metrics.addMetric("ShardsRetried", shardsRetried, MetricUnit.COUNT);
    for (long latency : latencies) metrics.addMetric("ProviderLatency", latency, MetricUnit.MILLISECONDS);
    metrics.flush();
    latencies.clear();
    items = passed = failed = errors = inputTokens = outputTokens = shardsRetried = 0;
    costUsd = 0;
  }
}
