package dev.ltb.functions.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The DynamoDB Streams event a Lambda event source mapping delivers, reduced to what the progress publisher reads
 * (the documented shape: {@code {"Records": [{"eventID", "eventName": "INSERT" | "MODIFY" | "REMOVE",
 * "dynamodb": {"Keys", "NewImage", "SequenceNumber", "StreamViewType", ...}, "eventSourceARN", ...}]}}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DynamoStreamEvent(@JsonProperty("Records") List<Record> records) {

  public DynamoStreamEvent {
    records = records == null ? List.of() : records;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Record(String eventName, Change dynamodb) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Change(
      @JsonProperty("NewImage") JsonNode newImage, @JsonProperty("SequenceNumber") String sequenceNumber) {}
}
