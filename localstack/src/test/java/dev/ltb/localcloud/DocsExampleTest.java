package dev.ltb.localcloud;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.localcloud.lambda.LambdaFunctions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The example of docs/local-cloud.md runs, and the page shows exactly this code. */
class DocsExampleTest {

  @Test
  void theDocumentedExampleRunsAStateMachineThroughTheSdkDefaults() throws Exception {
    DescribeExecutionResponse done;
    // begin:example
    try (LocalCloud cloud = LocalCloud.builder()
            .services(Service.STEP_FUNCTIONS)
            .lambdaFunctions(LambdaFunctions.byName(Map.of(
                "greet", (payload, context) -> "{\"greeting\":\"hello\"}".getBytes(UTF_8))))
            .start();
        SystemPropertiesScope aws = cloud.applySystemProperties(); // aws.endpointUrlSfn=..., aws.region, keys
        SfnClient sfn = SfnClient.create()) { // built like production code: no endpoint in sight
      String machine = sfn.createStateMachine(b -> b.name("hello")
              .roleArn("arn:aws:iam::000000000000:role/hello")
              .definition("""
                  {"StartAt": "Greet", "States": {"Greet": {"Type": "Task", "End": true,
                   "Resource": "arn:aws:lambda:us-east-1:000000000000:function:greet"}}}"""))
          .stateMachineArn();
      String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
      do {
        Thread.sleep(50);
        done = sfn.describeExecution(b -> b.executionArn(execution));
      } while (done.status() == ExecutionStatus.RUNNING);
      System.out.println(done.status() + " " + done.output()); // SUCCEEDED {"greeting":"hello"}
    }
    // end:example
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("{\"greeting\":\"hello\"}");
  }

  @Test
  void theDocsPageShowsThisExample() throws Exception {
    List<String> source = Files.readAllLines(
        Path.of("src/test/java/dev/ltb/localcloud/DocsExampleTest.java"));
    String example = dedent(source.subList(
        source.indexOf("    // begin:example") + 1, source.indexOf("    // end:example")));
    String page = Files.readString(Path.of("../docs/local-cloud.md"));
    String block = page.substring(page.indexOf("```java\n") + 8);
    block = block.substring(0, block.indexOf("```"));

    assertThat(block.strip()).isEqualTo(example.strip());
  }

  private static String dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
    return out.toString();
  }
}
