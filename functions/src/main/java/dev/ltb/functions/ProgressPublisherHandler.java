package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.ltb.aws.dynamodb.DynamoRunEvents;
import dev.ltb.functions.wire.DynamoStreamEvent;
import dev.ltb.pipeline.RunEvent;
import dev.ltb.progress.ProgressPublisher;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code progress-publisher}: a batch of the events table's stream records → progress messages to every sink
 * (WebSocket connections, ...), and a partial batch response naming the first record whose delivery failed, so
 * the stream delivers it (and what follows) again. Records that are not new run events are skipped. The event
 * source mapping must enable {@code ReportBatchItemFailures}.
 */
@Named("progress-publisher")
@Singleton
public class ProgressPublisherHandler extends JsonHandler<DynamoStreamEvent, StreamsEventResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressPublisherHandler.class);

  private final ProgressPublisher publisher;

  @Inject
  public ProgressPublisherHandler(ProgressPublisher publisher) {
    super(DynamoStreamEvent.class);
    this.publisher = publisher;
  }

  @Override
  protected StreamsEventResponse handle(DynamoStreamEvent event, Context context) {
    List<RunEvent> events = new ArrayList<>();
    Map<RunEvent, String> sequences = new IdentityHashMap<>();
    for (DynamoStreamEvent.Record record : event.records()) {
      if (!"INSERT".equals(record.eventName()) || record.dynamodb() == null) continue;
      Optional<RunEvent> runEvent;
      try {
        runEvent = DynamoRunEvents.fromStreamImage(record.dynamodb().newImage());
      } catch (RuntimeException e) {
        LOG.error("stream record {} is not a readable run event: {}", record.dynamodb().sequenceNumber(), e.getMessage());
        continue; // retrying cannot make it readable
      }
      runEvent.ifPresent(value -> {
        events.add(value);
        sequences.put(value, record.dynamodb().sequenceNumber());
      });
    }
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    ProgressPublisher.Outcome outcome = publisher.publish(events);
    if (!outcome.failed().isEmpty()) {
      // the stream resumes from the lowest failed sequence number: naming the first failure is enough
      RunEvent first = outcome.failed().getFirst();
      failures.add(new StreamsEventResponse.BatchItemFailure(sequences.get(first)));
    }
    return new StreamsEventResponse(failures);
  }
}
