package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.cdk.construct.AslDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class WorkflowStackTest {
  private final Deployment deployment = Deployment.singleAccount();
  private final Template template = deployment.template(deployment.stacks().workflow());

  @Test
  void deploysTheRepositorysAslFileWithEveryPlaceholderSubstituted() {
    AslDefinition file = AslDefinition.read(Path.of("..", "statemachines", "benchmark-run.asl.json"));
    assertThat(file.placeholders())
        .containsExactlyInAnyOrder("PlanFunctionArn", "AggregateFunctionArn", "NotifyFunctionArn", "MarkFailedFunctionArn", "ShardQueueUrl");
    Map<String, Object> machine = Cfn.propertiesOf(template, "AWS::StepFunctions::StateMachine").get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> substitutions = (Map<String, Object>) machine.get("DefinitionSubstitutions");
    assertThat(substitutions.keySet()).containsExactlyInAnyOrderElementsOf(file.placeholders());
    assertThat(Cfn.text(substitutions.get("PlanFunctionArn"))).contains("PlanFunctionLive");
    assertThat(Cfn.text(substitutions.get("AggregateFunctionArn"))).contains("AggregateFunctionLive");
    assertThat(Cfn.text(substitutions.get("NotifyFunctionArn"))).contains("NotifyFunctionLive");
    assertThat(Cfn.text(substitutions.get("MarkFailedFunctionArn"))).contains("MarkFailedFunctionLive");
    assertThat(Cfn.text(substitutions.get("ShardQueueUrl"))).contains("ShardQueue");
    // The definition itself is the file, uploaded as an asset: nothing in it was rewritten.
    assertThat(machine).containsKey("DefinitionS3Location").doesNotContainKey("DefinitionString");
  }

  @Test
  void namedForCancelLoggedFullyWithoutExecutionDataAndTraced() {
    template.hasResourceProperties(
        "AWS::StepFunctions::StateMachine",
        Map.of(
            "StateMachineName", "ltb-dev-benchmark-run",
            "StateMachineType", "STANDARD",
            "TracingConfiguration", Map.of("Enabled", true),
            "LoggingConfiguration", Match.objectLike(Map.of("Level", "ALL", "IncludeExecutionData", false))));
    template.hasResourceProperties(
        "AWS::Logs::LogGroup",
        Map.of("LogGroupName", "/aws/vendedlogs/states/ltb-dev-benchmark-run", "RetentionInDays", 30));
  }

  @Test
  void stateMachineMayInvokeExactlyItsTasksAndSendShards() {
    List<Map<String, Object>> statements = Cfn.policyStatements(template);
    List<String> invoked =
        statements.stream()
            .filter(s -> Cfn.list(s.get("Action")).contains("lambda:InvokeFunction"))
            .flatMap(s -> Cfn.list(s.get("Resource")).stream())
            .toList();
    assertThat(invoked).hasSize(4).allSatisfy(arn -> assertThat(arn).contains("FunctionLive").doesNotContain("*"));
    assertThat(invoked).noneMatch(arn -> arn.contains("Worker") || arn.contains("Cancel"));
    assertThat(statements)
        .anySatisfy(s -> assertThat(Cfn.list(s.get("Action"))).contains("sqs:SendMessage"));
  }
}
