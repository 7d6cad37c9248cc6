package dev.ltb.functions.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The SQS event a Lambda event source mapping delivers, reduced to the fields the worker reads (the
 * documented shape: {@code {"Records": [{"messageId", "receiptHandle", "body", "attributes": {
 * "ApproximateReceiveCount": "1", ...}, "eventSourceARN", ...}]}}).
 */
public record SqsEvent(@JsonProperty("Records") List<Message> records) {

  public SqsEvent {
    records = records == null ? List.of() : records;
  }

  /** One message of the batch. */
  public record Message(String messageId, String body, Map<String, String> attributes) {

    /** 1 on the first delivery; SQS counts every receive of the message. */
    public int receiveCount() {
      String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
      try {
        return count == null ? 1 : Math.max(1, Integer.parseInt(count));
      } catch (NumberFormatException e) {
        return 1;
      }
    }
  }
}
