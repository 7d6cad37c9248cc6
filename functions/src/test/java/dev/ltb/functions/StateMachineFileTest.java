package dev.ltb.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.localcloud.asl.AslCheck;
import dev.ltb.localcloud.asl.AslReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** statemachines/benchmark-run.asl.json is valid ASL that both AWS and the local executor run the same way. */
class StateMachineFileTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  @Test
  void theFileAsWrittenPassesAslValidator() {
    assertThat(AslCheck.check(StateMachineFiles.BENCHMARK_RUN).validatorErrors()).isEmpty();
  }

  @Test
  void theFileAsDeployedPassesAslValidatorAndTheLocalCloudsGuard(@TempDir Path tmp) throws Exception {
    String deployed = StateMachineFiles.text(StateMachineFiles.BENCHMARK_RUN);
    for (String function : List.of("Plan", "Aggregate", "Notify", "MarkFailed"))
      deployed = deployed.replace("${" + function + "FunctionArn}",
          "arn:aws:lambda:eu-west-1:123456789012:function:ltb-" + function.toLowerCase(java.util.Locale.ROOT));
    deployed = deployed.replace("${ShardQueueUrl}", "https://sqs.eu-west-1.amazonaws.com/123456789012/ltb-shards");
    Path file = Files.writeString(tmp.resolve("benchmark-run.asl.json"), deployed);

    AslReport report = AslCheck.check(file);

    assertThat(report.validatorErrors()).isEmpty();
    assertThat(report.unsupported()).isEmpty();
    assertThat(report.valid()).isTrue();
  }

  @Test
  void lambdaTasksUsePlainFunctionArnsFromDocumentedPlaceholders() {
    JsonNode definition = StateMachineFiles.definition(StateMachineFiles.BENCHMARK_RUN);
    List<String> resources = new ArrayList<>();
    collectResources(definition, resources);

    assertThat(resources)
        .containsExactlyInAnyOrder(
            "${PlanFunctionArn}", "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "${AggregateFunctionArn}",
            "${NotifyFunctionArn}", "${MarkFailedFunctionArn}");
    Set<String> placeholders = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(StateMachineFiles.text(StateMachineFiles.BENCHMARK_RUN));
    while (matcher.find()) placeholders.add(matcher.group(1));
    String doc = StateMachineFiles.text(StateMachineFiles.ROOT.resolve("docs/architecture.md"));
    assertThat(placeholders)
        .containsExactly("AggregateFunctionArn", "MarkFailedFunctionArn", "NotifyFunctionArn", "PlanFunctionArn",
            "ShardQueueUrl")
        .allSatisfy(name -> assertThat(doc).contains("`${" + name + "}`"));
  }

  @Test
  void usesNeitherJsonataNorDistributedMapFields() {
    String text = StateMachineFiles.text(StateMachineFiles.BENCHMARK_RUN);

    assertThat(text)
        .doesNotContain("JSONata", "\"QueryLanguage\"", "ItemReader", "ItemBatcher", "ResultWriter",
            "ToleratedFailure", "DISTRIBUTED", "arn:aws:states:::lambda:invoke");
  }

  private static void collectResources(JsonNode node, List<String> resources) {
    if (node.isObject()) {
      node.properties().forEach(field -> {
        if (field.getKey().equals("Resource")) resources.add(field.getValue().asText());
        else collectResources(field.getValue(), resources);
      });
    } else if (node.isArray()) {
      node.forEach(child -> collectResources(child, resources));
    }
  }
}
