package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.functions.wire.ShardMessage;
import dev.ltb.functions.wire.SqsEvent;
import dev.ltb.json.Json;
import dev.ltb.pipeline.ShardDisposition;
import dev.ltb.pipeline.ShardTask;
import dev.ltb.pipeline.ShardWorker;
import dev.ltb.pipeline.WorkerSettings;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code worker}: an SQS batch of shard messages → a partial batch response. Each message is one shard
 * handled by the {@link ShardWorker}; a message that must be delivered again (or cannot even be read) is
 * listed in {@code batchItemFailures}, so it alone returns to the queue and, after {@code maxReceiveCount}
 * deliveries, to the dead-letter queue. The event source mapping must enable {@code ReportBatchItemFailures}.
 */
@Named("worker")
@Singleton
public class WorkerHandler extends JsonHandler<SqsEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerHandler.class);

  private final ShardWorker worker;
  private final WorkerSettings settings;
  private final WorkerMetrics metrics;

  @Inject
  public WorkerHandler(ShardWorker worker, WorkerSettings settings, WorkerMetrics metrics) {
    super(SqsEvent.class);
    this.worker = worker;
    this.settings = settings;
    this.metrics = metrics;
  }

  @Override
  protected SQSBatchResponse handle(SqsEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    try {
      for (SqsEvent.Message message : event.records()) {
        if (!handled(message)) failures.add(new SQSBatchResponse.BatchItemFailure(message.messageId()));
      }
    } finally {
      metrics.flush();
    }
    return new SQSBatchResponse(failures);
  }

  private boolean handled(SqsEvent.Message message) {
    ShardMessage body;
    ShardTask task;
    try {
      body = Json.mapper().readValue(message.body(), ShardMessage.class);
      task = body.toTask();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // no task token to report with: the message goes back and, in the end, to the dead-letter queue
      LOG.error("shard message {} is unreadable: {}", message.messageId(), e.getMessage());
      return false;
    }
    try {
      ShardDisposition disposition =
          worker.handle(task, message.receiveCount(), settings.heartbeatIntervalFor(body.heartbeatSeconds()));
      metrics.shardHandled(disposition);
      return disposition == ShardDisposition.ACK;
    } catch (RuntimeException e) {
      LOG.error("shard {} of run {} failed", task.shardIndex(), task.runId(), e);
      return false;
    }
  }
}
