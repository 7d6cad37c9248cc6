package dev.ltb.localcloud.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.lambda.LambdaFunction;
import dev.ltb.localcloud.lambda.LocalLambdaContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A DynamoDB stream event source mapping for the local cloud, whose DynamoDB emulator (dynalite) has no streams:
 * it scans the table, and hands each new item to the function as an {@code INSERT} record of a DynamoDB Streams
 * event ({@code Records[].dynamodb.NewImage}, {@code Keys}, {@code SequenceNumber}, view type {@code NEW_IMAGE})
 * in sort-key order, {@code batchSize} at a time. A function error or a partial batch response ({@code
 * batchItemFailures} naming sequence numbers) delivers the batch again from the first failed record, up to {@code
 * retryAttempts} times, after which the records are dropped with a log line (where AWS would send them to the
 * on-failure destination). Only inserts are seen: updates and deletes are not (the events table is append-only).
 */
public final class DynamoDbStreamSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStreamSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DynamoDbClient dynamo;
  private final String table;
  private final LambdaFunction function;
  private final String functionName;
  private final int batchSize;
  private final int retryAttempts;
  private final Duration pollInterval;
  private final String streamArn;
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final AtomicLong sequence = new AtomicLong(100_000_000_000_000_000L);
  private final Map<String, String> sequenceOf = new HashMap<>();
  private final AtomicLong invocations = new AtomicLong();
  private final Thread poller;
  private volatile boolean running = true;

  private DynamoDbStreamSource(Builder builder) {
    this.dynamo = builder.dynamo;
    this.table = builder.table;
    this.function = builder.function;
    this.functionName = builder.functionName;
    this.batchSize = builder.batchSize;
    this.retryAttempts = builder.retryAttempts;
    this.pollInterval = builder.pollInterval;
    this.streamArn = "arn:aws:dynamodb:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT_ID + ":table/" + table
        + "/stream/" + Instant.now().toString().replace(":", "").substring(0, 17);
    if (builder.fromLatest) seen.addAll(scan().stream().map(DynamoDbStreamSource::key).toList());
    this.poller = Thread.ofPlatform().daemon().name("dynamodb-stream-" + table).start(this::poll);
  }

  public static Builder builder(DynamoDbClient dynamo, String table, LambdaFunction function) {
    return new Builder(dynamo, table, function);
  }

  public long invocations() {
    return invocations.get();
  }

  private void poll() {
    while (running) {
      try {
        List<Map<String, AttributeValue>> fresh =
            scan().stream().filter(item -> !seen.contains(key(item))).sorted(ORDER).toList();
        for (int from = 0; running && from < fresh.size(); ) {
          List<Map<String, AttributeValue>> batch = fresh.subList(from, Math.min(fresh.size(), from + batchSize));
          int handled = deliver(batch);
          if (handled < batch.size()) break; // the rest again on the next poll, in order
          from += handled;
        }
      } catch (SdkException e) {
        if (!running) return;
        LOG.warn("scanning {} for the stream failed: {}", table, e.toString());
      } catch (RuntimeException e) {
        LOG.warn("stream of {}: {}", table, e.toString());
      }
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Invokes the function with the batch; returns how many records (from the first) are done with. */
  private int deliver(List<Map<String, AttributeValue>> batch) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    List<String> sequences = new ArrayList<>();
    for (Map<String, AttributeValue> item : batch) {
      String sequenceNumber = sequenceOf.computeIfAbsent(key(item), k -> Long.toString(sequence.incrementAndGet()));
      sequences.add(sequenceNumber);
      records.add(record(item, sequenceNumber));
    }
    invocations.incrementAndGet();
    int failedAt;
    try {
      byte[] result = function.invoke(
          JSON.writeValueAsBytes(event), LocalLambdaContext.start(functionName, 512, Duration.ofSeconds(60)));
      failedAt = firstFailure(result, sequences);
    } catch (Exception e) {
      LOG.info("function {} failed on a stream batch of {}: {}", functionName, batch.size(), e.toString());
      failedAt = 0;
    }
    for (int i = 0; i < failedAt; i++) done(batch.get(i));
    if (failedAt == batch.size()) return failedAt;
    String failedKey = key(batch.get(failedAt));
    int attempt = attempts.merge(failedKey, 1, Integer::sum);
    if (attempt > retryAttempts) {
      LOG.warn("dropping stream record {} of {} after {} retries", sequences.get(failedAt), table, retryAttempts);
      done(batch.get(failedAt));
      return failedAt + 1;
    }
    return failedAt;
  }

  private void done(Map<String, AttributeValue> item) {
    String key = key(item);
    seen.add(key);
    attempts.remove(key);
    sequenceOf.remove(key);
  }

  private static int firstFailure(byte[] result, List<String> sequences) {
    if (result == null || result.length == 0) return sequences.size();
    JsonNode response;
    try {
      response = JSON.readTree(result);
    } catch (Exception notJson) {
      return sequences.size();
    }
    JsonNode failures = response == null ? null : response.get("batchItemFailures");
    if (failures == null || !failures.isArray() || failures.isEmpty()) return sequences.size();
    int first = sequences.size();
    for (JsonNode failure : failures) {
      int index = sequences.indexOf(failure.path("itemIdentifier").asText(""));
      first = Math.min(first, index < 0 ? 0 : index);
    }
    return first;
  }

  private ObjectNode record(Map<String, AttributeValue> item, String sequenceNumber) {
    ObjectNode record = JSON.createObjectNode();
    record.put("eventID", Long.toHexString(Long.parseLong(sequenceNumber)));
    record.put("eventName", "INSERT");
    record.put("eventVersion", "1.1");
    record.put("eventSource", "aws:dynamodb");
    record.put("awsRegion", LocalCloud.REGION);
    ObjectNode dynamodb = record.putObject("dynamodb");
    dynamodb.put("ApproximateCreationDateTime", Instant.now().getEpochSecond());
    ObjectNode keys = dynamodb.putObject("Keys");
    keys.set("pk", attribute(item.get("pk")));
    keys.set("sk", attribute(item.get("sk")));
    ObjectNode image = dynamodb.putObject("NewImage");
    item.forEach((name, value) -> image.set(name, attribute(value)));
    dynamodb.put("SequenceNumber", sequenceNumber);
    dynamodb.put("SizeBytes", image.toString().length());
    dynamodb.put("StreamViewType", "NEW_IMAGE");
    record.put("eventSourceARN", streamArn);
    return record;
  }

  /** An attribute value in DynamoDB's JSON ({@code {"S": "…"}}, {@code {"N": "…"}}, ...). */
  static ObjectNode attribute(AttributeValue value) {
    ObjectNode node = JSON.createObjectNode();
    switch (value.type()) {
      case S -> node.put("S", value.s());
      case N -> node.put("N", value.n());
      case B -> node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
      case BOOL -> node.put("BOOL", value.bool());
      case NUL -> node.put("NULL", true);
      case SS -> value.ss().forEach(node.putArray("SS")::add);
      case NS -> value.ns().forEach(node.putArray("NS")::add);
      case BS -> value.bs().forEach(b -> node.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
      case L -> value.l().forEach(v -> node.withArray("L").add(attribute(v)));
      case M -> {
        ObjectNode map = node.putObject("M");
        value.m().forEach((k, v) -> map.set(k, attribute(v)));
      }
      default -> throw new IllegalArgumentException("unsupported attribute type " + value.type());
    }
    return node;
  }

  private static final Comparator<Map<String, AttributeValue>> ORDER =
      Comparator.<Map<String, AttributeValue>, String>comparing(item -> text(item.get("sk")))
          .thenComparing(item -> text(item.get("pk")));

  private static String text(AttributeValue value) {
    return value == null ? "" : value.s() != null ? value.s() : String.valueOf(value.n());
  }

  private static String key(Map<String, AttributeValue> item) {
    return text(item.get("pk")) + "\u0000" + text(item.get("sk"));
  }

  private List<Map<String, AttributeValue>> scan() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = dynamo.scan(ScanRequest.builder().tableName(table).consistentRead(true).exclusiveStartKey(from).build());
      items.addAll(page.items());
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return items;
  }

  @Override
  public void close() {
    running = false;
    poller.interrupt();
    try {
      poller.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static final class Builder {
    private final DynamoDbClient dynamo;
    private final String table;
    private final LambdaFunction function;
    private String functionName = "stream-consumer";
    private int batchSize = 100;
    private int retryAttempts = 3;
    private Duration pollInterval = Duration.ofMillis(100);
    private boolean fromLatest = true;

    private Builder(DynamoDbClient dynamo, String table, LambdaFunction function) {
      this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
      this.table = Objects.requireNonNull(table, "table");
      this.function = Objects.requireNonNull(function, "function");
    }

    public Builder functionName(String name) {
      this.functionName = name;
      return this;
    }

    public Builder batchSize(int size) {
      if (size < 1 || size > 10_000) throw new IllegalArgumentException("batchSize must be 1..10000");
      this.batchSize = size;
      return this;
    }

    public Builder retryAttempts(int attempts) {
      this.retryAttempts = attempts;
      return this;
    }

    public Builder pollInterval(Duration interval) {
      this.pollInterval = interval;
      return this;
    }

    /** {@code LATEST} (default): items already in the table are not delivered; false for {@code TRIM_HORIZON}. */
    public Builder fromLatest(boolean latest) {
      this.fromLatest = latest;
      return this;
    }

    public DynamoDbStreamSource start() {
      return new DynamoDbStreamSource(this);
    }
  }
}
