package dev.ltb.cdk.stack;

import dev.ltb.cdk.Names;
import dev.ltb.cdk.config.Artifact;
import dev.ltb.cdk.config.FunctionKind;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.Access;
import dev.ltb.cdk.construct.FunctionsCode;
import dev.ltb.cdk.construct.LtbFunction;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.constructs.Construct;

/**
 * The pipeline's functions: plan, worker (driven by the shard queue), aggregate, notify, mark-failed, cancel and the
 * outbound webhook sender (driven by the webhook queue). Each gets exactly the access its step needs.
 */
public final class FunctionsStack extends Stack {
  private final Map<FunctionKind, LtbFunction> functions = new EnumMap<>(FunctionKind.class);

  public FunctionsStack(
      Construct scope, String id, StackProps props, LtbConfig config, FunctionsCode code, DataStack data, QueuesStack queues) {
    super(scope, id, props);
    String stage = config.stage();
    Map<String, String> dataEnv = new LinkedHashMap<>();
    dataEnv.put(Names.Env.TABLE, data.table().getTableName());
    dataEnv.put(Names.Env.EVENTS_TABLE, data.eventsTable().getTableName());
    dataEnv.put(Names.Env.BUCKET, data.bucket().getBucketName());

    LtbFunction plan = add(FunctionKind.PLAN, config, code, dataEnv);
    plan.addToPolicy(Access.readWriteItems(data.table()));
    plan.addToPolicy(Access.writeItems(data.eventsTable()));
    // reads the stored suite and the tenant's datasets, writes the resolved suite for the workers
    plan.addToPolicy(Access.tenantObjects(data.bucket(), "s3:GetObject", "s3:PutObject"));
    plan.addToPolicy(Access.tenantListing(data.bucket())); // tests: dataset://<name> finds the newest ready version

    Map<String, String> workerEnv = with(dataEnv, Names.Env.SECRETS_PREFIX, Names.secretsPrefix(stage));
    workerEnv.put(Names.Env.WORKER_MAX_DELIVERIES, Integer.toString(config.shardMaxReceiveCount()));
    LtbFunction worker = add(FunctionKind.WORKER, config, code, workerEnv);
    worker.addToPolicy(Access.readWriteItems(data.table()));
    worker.addToPolicy(Access.writeItems(data.eventsTable()));
    worker.addToPolicy(Access.tenantObjects(data.bucket(), "s3:GetObject", "s3:PutObject"));
    worker.addToPolicy(Access.tenantSecrets(this, stage, "secretsmanager:GetSecretValue"));
    worker.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"))
            .resources(List.of(Access.stateMachineArn(this, stage)))
            .build());
    // One shard per invocation: a shard is minutes of provider calls, and a failed one is retried alone.
    worker
        .alias()
        .addEventSource(
            SqsEventSource.Builder.create(queues.shardQueue())
                .batchSize(1)
                .maxConcurrency(config.workerMaxConcurrency())
                .reportBatchItemFailures(true)
                .build());

    LtbFunction aggregate = add(FunctionKind.AGGREGATE, config, code, dataEnv);
    aggregate.addToPolicy(Access.readWriteItems(data.table()));
    aggregate.addToPolicy(Access.writeItems(data.eventsTable()));
    aggregate.addToPolicy(Access.tenantObjects(data.bucket(), "s3:GetObject", "s3:PutObject"));

    LtbFunction notify =
        add(FunctionKind.NOTIFY, config, code, with(dataEnv, Names.Env.WEBHOOK_QUEUE_URL, queues.webhookQueue().getQueueUrl()));
    notify.addToPolicy(Access.readItems(data.table()));
    // run.regressed compares the run's results with its baseline's, and outputs too large for an item live in S3
    notify.addToPolicy(Access.tenantObjects(data.bucket(), "s3:GetObject"));
    notify.addToPolicy(Access.writeItems(data.eventsTable()));
    queues.webhookQueue().grantSendMessages(notify.grantee());

    // mark-failed and cancel announce run.failed through the same notify step: they queue webhooks too
    LtbFunction markFailed =
        add(FunctionKind.MARK_FAILED, config, code, with(dataEnv, Names.Env.WEBHOOK_QUEUE_URL, queues.webhookQueue().getQueueUrl()));
    queues.webhookQueue().grantSendMessages(markFailed.grantee());
    markFailed.addToPolicy(Access.readWriteItems(data.table()));
    markFailed.addToPolicy(Access.writeItems(data.eventsTable()));

    LtbFunction cancel =
        add(
            FunctionKind.CANCEL,
            config,
            code,
            with(
                with(dataEnv, Names.Env.STATE_MACHINE_ARN, Access.stateMachineArn(this, stage)),
                Names.Env.WEBHOOK_QUEUE_URL,
                queues.webhookQueue().getQueueUrl()));
    queues.webhookQueue().grantSendMessages(cancel.grantee());
    cancel.addToPolicy(Access.readWriteItems(data.table()));
    cancel.addToPolicy(Access.writeItems(data.eventsTable()));
    cancel.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("states:StopExecution", "states:DescribeExecution"))
            .resources(List.of(Access.executionsArn(this, stage)))
            .build());

    LtbFunction webhookSender =
        add(
            FunctionKind.WEBHOOK_SENDER,
            config,
            code,
            with(
                with(
                    with(dataEnv, Names.Env.SECRETS_PREFIX, Names.secretsPrefix(stage)),
                    Names.Env.WEBHOOK_QUEUE_URL,
                    queues.webhookQueue().getQueueUrl()),
                Names.Env.WEBHOOK_DEAD_LETTER_URL,
                queues.webhookDeadLetters().getQueueUrl()));
    // retries go back to the queue with a delay; deliveries out of attempts go to the dead-letter queue
    queues.webhookQueue().grantSendMessages(webhookSender.grantee());
    queues.webhookDeadLetters().grantSendMessages(webhookSender.grantee());
    webhookSender.addToPolicy(Access.readWriteItems(data.table()));
    webhookSender.addToPolicy(Access.tenantSecrets(this, stage, "secretsmanager:GetSecretValue"));
    webhookSender
        .alias()
        .addEventSource(
            SqsEventSource.Builder.create(queues.webhookQueue()).batchSize(10).reportBatchItemFailures(true).build());

    functions.values().forEach(Access::suppressDocumentedWildcards);
  }

  private LtbFunction add(FunctionKind kind, LtbConfig config, FunctionsCode code, Map<String, String> env) {
    LtbFunction function = new LtbFunction(this, kind, config, code.of(this, Artifact.FUNCTIONS), env);
    functions.put(kind, function);
    return function;
  }

  static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> env = new LinkedHashMap<>(base);
    env.put(key, value);
    return env;
  }

  public LtbFunction function(FunctionKind kind) {
    LtbFunction function = functions.get(kind);
    if (function == null) throw new IllegalArgumentException(kind + " is not a pipeline function");
    return function;
  }

  public Map<FunctionKind, LtbFunction> functions() {
    return Map.copyOf(functions);
  }
}
