package dev.ltb.cdk.stack;

import dev.ltb.cdk.Names;
import dev.ltb.cdk.Names.Substitution;
import dev.ltb.cdk.config.FunctionKind;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.AslDefinition;
import dev.ltb.cdk.construct.Nag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * The run's state machine: {@code statemachines/benchmark-run.asl.json} deployed as is (the file local tests
 * run), its placeholders substituted with the live aliases, the shard queue and the data names; all events
 * logged (without execution data: inputs carry tenant ids) and traced with X-Ray.
 */
public final class WorkflowStack extends Stack {
  /** The functions a task of the file may name, by substitution key. */
  static final Map<FunctionKind, String> TASK_FUNCTIONS =
      Map.of(
          FunctionKind.PLAN, Substitution.PLAN_FUNCTION,
          FunctionKind.WORKER, Substitution.WORKER_FUNCTION,
          FunctionKind.AGGREGATE, Substitution.AGGREGATE_FUNCTION,
          FunctionKind.NOTIFY, Substitution.NOTIFY_FUNCTION,
          FunctionKind.MARK_FAILED, Substitution.MARK_FAILED_FUNCTION,
          FunctionKind.CANCEL, Substitution.CANCEL_FUNCTION);

  private final StateMachine stateMachine;
  private final Map<String, String> substitutions;

  public WorkflowStack(
      Construct scope, String id, StackProps props, LtbConfig config, DataStack data, QueuesStack queues, FunctionsStack functions) {
    super(scope, id, props);
    AslDefinition definition = AslDefinition.read(config.stateMachineDefinition());

    Map<String, String> available = new LinkedHashMap<>();
    TASK_FUNCTIONS.forEach((kind, key) -> available.put(key, functions.function(kind).alias().getFunctionArn()));
    available.put(Substitution.SHARD_QUEUE_URL, queues.shardQueue().getQueueUrl());
    available.put(Substitution.SHARD_QUEUE_ARN, queues.shardQueue().getQueueArn());
    available.put(Substitution.RUNS_TABLE, data.table().getTableName());
    available.put(Substitution.EVENTS_TABLE, data.eventsTable().getTableName());
    available.put(Substitution.BUCKET, data.bucket().getBucketName());
    this.substitutions = definition.substitutionsFrom(available);

    LogGroup logs =
        LogGroup.Builder.create(this, "Logs")
            .logGroupName("/aws/vendedlogs/states/" + Names.stateMachineName(config.stage()))
            .retention(config.logRetention())
            .removalPolicy(config.removalPolicy())
            .build();
    this.stateMachine =
        StateMachine.Builder.create(this, "BenchmarkRun")
            .stateMachineName(Names.stateMachineName(config.stage()))
            .stateMachineType(StateMachineType.STANDARD)
            .definitionBody(DefinitionBody.fromFile(definition.file().toString()))
            .definitionSubstitutions(substitutions)
            .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(false).build())
            .tracingEnabled(true)
            .removalPolicy(config.removalPolicy())
            .build();

    // A file definition grants nothing by itself: exactly the tasks the file can call.
    TASK_FUNCTIONS.forEach(
        (kind, key) -> {
          if (substitutions.containsKey(key)) functions.function(kind).alias().grantInvoke(stateMachine);
        });
    if (substitutions.containsKey(Substitution.SHARD_QUEUE_URL) || substitutions.containsKey(Substitution.SHARD_QUEUE_ARN)) {
      queues.shardQueue().grantSendMessages(stateMachine);
    }
    Nag.suppress(
        stateMachine,
        "AwsSolutions-IAM5",
        "Log delivery (logs:*LogDelivery, DescribeLogGroups, resource policies) and X-Ray accept only Resource *;"
            + " both are added by CDK for logging and tracing",
        List.of("Resource::*"));

    CfnOutput.Builder.create(this, "StateMachineArn").value(stateMachine.getStateMachineArn()).build();
  }

  public StateMachine stateMachine() {
    return stateMachine;
  }

  /** The substitutions passed to the definition (only the keys the file uses). */
  public Map<String, String> substitutions() {
    return Map.copyOf(substitutions);
  }
}
