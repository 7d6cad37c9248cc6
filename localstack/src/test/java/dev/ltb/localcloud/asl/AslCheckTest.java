package dev.ltb.localcloud.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard against ASL the local executor would run differently from AWS, and asl-validator, both from Java.
 * One Node process checks every variant.
 */
class AslCheckTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID = """
      {
        "StartAt": "Plan",
        "States": {
          "Plan": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:plan", "Next": "Shards"},
          "Shards": {
            "Type": "Map", "ItemsPath": "$.shards", "MaxConcurrency": 4,
            "ItemProcessor": {
              "ProcessorConfig": {"Mode": "INLINE"},
              "StartAt": "RunShard",
              "States": {
                "RunShard": {
                  "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/000000000000/shards",
                                 "MessageBody": {"shard.$": "$", "taskToken.$": "$$.Task.Token"}},
                  "HeartbeatSeconds": 60, "TimeoutSeconds": 900, "End": true
                }
              }
            },
            "Next": "Done"
          },
          "Done": {"Type": "Succeed"}
        }
      }
      """;

  /** Variant name → the change that makes it unsupported locally, and the words the report must contain. */
  private static final Map<String, Variant> FORBIDDEN = new LinkedHashMap<>();

  record Variant(Consumer<ObjectNode> change, String expected) {}

  static {
    FORBIDDEN.put("jsonata", new Variant(d -> d.put("QueryLanguage", "JSONata"), "QueryLanguage JSONata"));
    FORBIDDEN.put("lambda-invoke", new Variant(d -> plan(d).put("Resource", "arn:aws:states:::lambda:invoke")
        .putObject("Parameters").put("FunctionName", "plan"), "optimized Lambda integration"));
    FORBIDDEN.put("item-reader", new Variant(d -> map(d).putObject("ItemReader")
        .put("Resource", "arn:aws:states:::s3:getObject").putObject("Parameters").put("Bucket", "b").put("Key", "k"),
        "ItemReader"));
    FORBIDDEN.put("item-batcher", new Variant(d -> map(d).putObject("ItemBatcher").put("MaxItemsPerBatch", 10),
        "ItemBatcher"));
    FORBIDDEN.put("result-writer", new Variant(d -> map(d).putObject("ResultWriter")
        .put("Resource", "arn:aws:states:::s3:putObject").putObject("Parameters").put("Bucket", "b").put("Prefix", "p"),
        "ResultWriter"));
    FORBIDDEN.put("tolerated-failures", new Variant(d -> map(d).put("ToleratedFailurePercentage", 10),
        "ToleratedFailurePercentage"));
    FORBIDDEN.put("distributed", new Variant(d -> ((ObjectNode) map(d).get("ItemProcessor").get("ProcessorConfig"))
        .put("Mode", "DISTRIBUTED").put("ExecutionType", "STANDARD"), "DISTRIBUTED"));
    FORBIDDEN.put("variables", new Variant(d -> plan(d).putObject("Assign").put("count", 1), "Assign"));
    FORBIDDEN.put("other-integration", new Variant(d -> plan(d).put("Resource", "arn:aws:states:::dynamodb:putItem")
        .putObject("Parameters").put("TableName", "t"), "is not served locally"));
  }

  private static List<AslReport> reports;
  private static List<String> names;

  @BeforeAll
  static void checkEveryVariant(@TempDir Path dir) throws Exception {
    List<Path> files = new ArrayList<>();
    names = new ArrayList<>();
    Files.writeString(dir.resolve("valid.json"), VALID);
    files.add(dir.resolve("valid.json"));
    names.add("valid");
    for (Map.Entry<String, Variant> entry : FORBIDDEN.entrySet()) {
      ObjectNode definition = (ObjectNode) JSON.readTree(VALID);
      entry.getValue().change().accept(definition);
      Path file = dir.resolve(entry.getKey() + ".json");
      JSON.writeValue(file.toFile(), definition);
      files.add(file);
      names.add(entry.getKey());
    }
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, VALID.replace("\"Next\": \"Done\"", "\"Next\": \"Nowhere\""));
    files.add(broken);
    names.add("broken");
    reports = AslCheck.checkAll(files);
  }

  @Test
  void aDefinitionUsingOnlyWhatRunsLocallyPasses() {
    AslReport valid = report("valid");
    assertThat(valid.valid()).isTrue();
    assertThat(valid.validatorErrors()).isEmpty();
    assertThat(valid.unsupported()).isEmpty();
    assertThat(valid.assertValid()).isSameAs(valid);
  }

  @Test
  void everyConstructTheLocalExecutorWouldGetWrongIsRejectedByName() {
    for (Map.Entry<String, Variant> entry : FORBIDDEN.entrySet()) {
      AslReport report = report(entry.getKey());
      assertThat(report.valid()).as(entry.getKey()).isFalse();
      assertThat(report.unsupported()).as(entry.getKey()).anySatisfy(problem ->
          assertThat(problem).contains(entry.getValue().expected()));
    }
  }

  @Test
  void aslValidatorErrorsAreReportedWithTheFile() {
    AslReport broken = report("broken");
    assertThat(broken.valid()).isFalse();
    assertThat(broken.validatorErrors()).isNotEmpty();
    assertThat(String.join(" ", broken.validatorErrors())).contains("Nowhere");
    assertThatThrownBy(broken::assertValid)
        .hasMessageContaining("broken.json")
        .hasMessageContaining("asl-validator:");
  }

  private static AslReport report(String name) {
    return reports.get(names.indexOf(name));
  }

  private static ObjectNode plan(ObjectNode definition) {
    return (ObjectNode) definition.get("States").get("Plan");
  }

  private static ObjectNode map(ObjectNode definition) {
    return (ObjectNode) definition.get("States").get("Shards");
  }
}
