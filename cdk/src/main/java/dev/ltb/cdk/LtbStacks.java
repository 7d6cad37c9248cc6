package dev.ltb.cdk;

import dev.ltb.cdk.config.FunctionKind;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.FunctionsCode;
import dev.ltb.cdk.construct.LtbFunction;
import dev.ltb.cdk.stack.ApiStack;
import dev.ltb.cdk.stack.DataStack;
import dev.ltb.cdk.stack.FunctionsStack;
import dev.ltb.cdk.stack.ObservabilityStack;
import dev.ltb.cdk.stack.QueuesStack;
import dev.ltb.cdk.stack.WorkflowStack;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.sqs.IQueue;

/** The whole deployment: six stacks in dependency order, tagged, and checked by cdk-nag's AWS Solutions pack. */
public record LtbStacks(
    DataStack data,
    QueuesStack queues,
    FunctionsStack functions,
    WorkflowStack workflow,
    ApiStack api,
    ObservabilityStack observability) {

  public static LtbStacks create(App app, LtbConfig config, Environment environment) {
    String stage = config.stage();
    StackProps.Builder props = StackProps.builder();
    if (environment != null) props.env(environment);
    FunctionsCode code = new FunctionsCode(config);

    DataStack data = new DataStack(app, Names.stackName(stage, "Data"), describe(props, "tables, bucket, tenant role"), config);
    QueuesStack queues = new QueuesStack(app, Names.stackName(stage, "Queues"), describe(props, "shard and webhook queues with DLQs"), config);
    FunctionsStack functions =
        new FunctionsStack(app, Names.stackName(stage, "Functions"), describe(props, "pipeline functions"), config, code, data, queues);
    WorkflowStack workflow =
        new WorkflowStack(app, Names.stackName(stage, "Workflow"), describe(props, "benchmark-run state machine"), config, data, queues, functions);
    ApiStack api =
        new ApiStack(app, Names.stackName(stage, "Api"), describe(props, "REST, GraphQL, WebSocket APIs and users"), config, code, data, queues, functions);
    api.addStackDependency(workflow, "the APIs start executions of the state machine");

    Map<String, LtbFunction> allFunctions = new LinkedHashMap<>();
    Map<FunctionKind, LtbFunction> byKind = new EnumMap<>(FunctionKind.class);
    byKind.putAll(functions.functions());
    byKind.putAll(api.functions());
    byKind.forEach((kind, function) -> allFunctions.put(kind.id(), function));
    Map<String, IQueue> deadLetters = new LinkedHashMap<>();
    deadLetters.put("shards", queues.shardDeadLetters());
    deadLetters.put("webhooks", queues.webhookDeadLetters());
    deadLetters.put("events", queues.eventDeadLetters());
    ObservabilityStack observability =
        new ObservabilityStack(
            app,
            Names.stackName(stage, "Observability"),
            describe(props, "dashboard and alarms"),
            config,
            allFunctions,
            deadLetters,
            workflow.stateMachine(),
            api);

    Tags.of(app).add("ltb:app", "llm-test-bench");
    Tags.of(app).add("ltb:stage", stage);
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    return new LtbStacks(data, queues, functions, workflow, api, observability);
  }

  private static StackProps describe(StackProps.Builder props, String what) {
    return props.description("LLM Test Bench: " + what).build();
  }

  public List<Stack> all() {
    return List.of(data, queues, functions, workflow, api, observability);
  }
}
