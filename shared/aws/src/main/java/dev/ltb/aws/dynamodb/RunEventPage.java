package dev.ltb.aws.dynamodb;

import dev.ltb.pipeline.RunEvent;
import java.util.List;
import java.util.Optional;

/**
 * Events of a run in the order they were published, and the cursor to read on from.
 *
 * @param events oldest first
 * @param cursor pass to {@link DynamoRunEvents#readAfter} to get only newer events; empty when the run has none
 */
public record RunEventPage(List<RunEvent> events, Optional<String> cursor) {
  public RunEventPage {
    events = List.copyOf(events);
  }
}
