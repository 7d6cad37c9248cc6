package dev.ltb.functions.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.dynamodb.TableDefinitions;
import dev.ltb.aws.sfn.StepFunctionsRunExecutions;
import dev.ltb.functions.FunctionsWiring;
import dev.ltb.json.Json;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.LocalQueues;
import dev.ltb.localcloud.Service;
import dev.ltb.localcloud.SystemPropertiesScope;
import dev.ltb.localcloud.lambda.LambdaFunction;
import dev.ltb.localcloud.lambda.LambdaFunctions;
import dev.ltb.localcloud.sqs.SqsEventSource;
import dev.ltb.pipeline.RunRef;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.run.RunHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The whole distributed run on the local cloud: the real state machine file on the local Step Functions
 * server, the real handlers (wired as the functions app wires them) behind the Lambda Invoke endpoint, the
 * worker driven from the SQS shard queue by an event source mapping with partial batch responses and a
 * dead-letter queue, results in DynamoDB (dynalite) and S3 (S3Proxy) through the AWS adapters.
 */
public final class LocalPipeline implements AutoCloseable {

  public static final String TENANT = "acme";
  public static final Path STATE_MACHINE_FILE =
      Path.of("..").toAbsolutePath().normalize().resolve("statemachines/benchmark-run.asl.json");
  /** Seconds before an unacknowledged shard message is delivered again (a Lambda's timeout, scaled down). */
  public static final int VISIBILITY_TIMEOUT_SECONDS = 8;
  public static final int MAX_DELIVERIES = 3;

  private final LocalCloud cloud;
  private final SystemPropertiesScope properties;
  private final String dynamoDbProperty;
  private final AwsAdapters aws;
  private final FunctionsWiring wiring;
  private final LocalQueues.QueueWithDeadLetter shards;
  private final String stateMachineArn;
  private final int workerPollers;
  private volatile UnaryOperator<LambdaFunction> workerWrapper = UnaryOperator.identity();
  private SqsEventSource workers;

  /**
   * @param dynamoDbEndpoint where the functions reach DynamoDB: null for the emulator itself, or a proxy in
   *     front of it (wire-level faults)
   * @param workerPollers worker invocations in flight at once (Lambda's concurrency for the queue)
   */
  private LocalPipeline(LocalCloud cloud, String dynamoDbEndpoint, int workerPollers, WorkerSettings settings) {
    this.cloud = cloud;
    this.workerPollers = workerPollers;
    this.properties = cloud.applySystemProperties();
    this.dynamoDbProperty = Service.DYNAMODB.endpointSystemProperty();
    if (dynamoDbEndpoint != null) System.setProperty(dynamoDbProperty, dynamoDbEndpoint);
    String suffix = Long.toString(System.nanoTime(), 36);
    String runs = "ltb-runs-" + suffix;
    String events = "ltb-events-" + suffix;
    String bucket = "ltb-" + suffix;
    AwsClients clients = new AwsClients();
    TableDefinitions.createTables(clients.dynamoDb(), runs, events);
    TableDefinitions.createBucket(clients.s3(), bucket);
    this.aws =
        new AwsAdapters(clients, AwsSettings.of(Map.of(AwsSettings.TABLE, runs, AwsSettings.EVENTS_TABLE, events,
            AwsSettings.BUCKET, bucket)));
    this.shards = cloud.queues().createWithDeadLetterQueue("shards-" + suffix, VISIBILITY_TIMEOUT_SECONDS, MAX_DELIVERIES);
    String machineName = "benchmark-run-" + suffix;
    this.wiring =
        new FunctionsWiring(aws, new StepFunctionsRunExecutions(clients.sfn(), LocalCloud.stateMachineArn(machineName)),
            settings);
    cloud.registerFunction("plan", LambdaFunctions.ofStreamHandler(wiring.plan()));
    cloud.registerFunction("aggregate", LambdaFunctions.ofStreamHandler(wiring.aggregate()));
    cloud.registerFunction("notify", LambdaFunctions.ofStreamHandler(wiring.notifyHandler()));
    cloud.registerFunction("mark-failed", LambdaFunctions.ofStreamHandler(wiring.markFailed()));
    this.stateMachineArn =
        cloud.createStateMachine(machineName, STATE_MACHINE_FILE, Map.of(
            "PlanFunctionArn", LocalCloud.functionArn("plan"),
            "AggregateFunctionArn", LocalCloud.functionArn("aggregate"),
            "NotifyFunctionArn", LocalCloud.functionArn("notify"),
            "MarkFailedFunctionArn", LocalCloud.functionArn("mark-failed"),
            "ShardQueueUrl", shards.queue().url()));
    startWorkers();
  }

  /** Starts the emulators; {@code dynamoDbProxy} maps the emulator's endpoint to the one the functions use. */
  public static LocalPipeline start(UnaryOperator<String> dynamoDbProxy, int workerPollers, WorkerSettings settings) {
    LocalCloud cloud =
        LocalCloud.builder()
            .services(Service.S3, Service.DYNAMODB, Service.SQS, Service.STEP_FUNCTIONS, Service.LAMBDA)
            .stepFunctionsTimeScale(0.05)
            .start();
    try {
      String emulator = cloud.endpoint(Service.DYNAMODB).toString();
      String endpoint = dynamoDbProxy.apply(emulator);
      return new LocalPipeline(cloud, endpoint.equals(emulator) ? null : endpoint, workerPollers, settings);
    } catch (RuntimeException e) {
      cloud.close();
      throw e;
    }
  }

  /** The worker function as the event source invokes it, e.g. wrapped to crash on a chosen shard. */
  public void wrapWorker(UnaryOperator<LambdaFunction> wrapper) {
    this.workerWrapper = wrapper;
  }

  public synchronized void startWorkers() {
    LambdaFunction worker = workerWrapper.apply(LambdaFunctions.ofStreamHandler(wiring.worker()));
    workers =
        SqsEventSource.builder(cloud.sqs(), shards.queue().url(), worker)
            .functionName("worker")
            .batchSize(1)
            .waitTimeSeconds(1)
            .pollers(workerPollers)
            .functionTimeout(Duration.ofSeconds(VISIBILITY_TIMEOUT_SECONDS))
            .start();
  }

  /** Kills the running workers mid-batch: nothing they had in flight is acknowledged. */
  public synchronized void killWorkers() {
    workers.abort();
  }

  /** Stores the suite under the tenant and starts the run's execution (named by the run id). */
  public String start(String runId, String suiteYaml, Map<String, Object> settings) {
    String key = "tenants/" + TENANT + "/suites/" + runId + ".yaml";
    aws.blobStore().put(key, suiteYaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
    ObjectNode input = Json.mapper().createObjectNode().put("tenantId", TENANT).put("runId", runId).put("suiteKey", key);
    settings.forEach((name, value) -> input.set(name, Json.mapper().valueToTree(value)));
    return sfn().startExecution(b -> b.stateMachineArn(stateMachineArn).name(runId).input(input.toString()))
        .executionArn();
  }

  /** Waits until the execution has ended and returns how. */
  public DescribeExecutionResponse awaitEnd(String executionArn, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      DescribeExecutionResponse execution = sfn().describeExecution(b -> b.executionArn(executionArn));
      if (execution.status() != ExecutionStatus.RUNNING) return execution;
      if (Instant.now().isAfter(deadline))
        throw new AssertionError("execution " + executionArn + " still RUNNING after " + timeout);
      Thread.sleep(100);
    }
  }

  public DescribeExecutionResponse describe(String executionArn) {
    return sfn().describeExecution(b -> b.executionArn(executionArn));
  }

  public JsonNode output(DescribeExecutionResponse execution) throws Exception {
    return Json.mapper().readTree(execution.output());
  }

  public RunHistory history() {
    return aws.runHistories().forTenant(TENANT);
  }

  /** The benchmark-run state machine on the local Step Functions server (what a RunLauncher starts). */
  public String stateMachineArn() {
    return stateMachineArn;
  }

  public AwsAdapters aws() {
    return aws;
  }

  public FunctionsWiring wiring() {
    return wiring;
  }

  public LocalQueues.QueueWithDeadLetter shardQueue() {
    return shards;
  }

  public LocalCloud cloud() {
    return cloud;
  }

  public String blobText(String key) {
    return aws.blobStore().get(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(null);
  }

  public RunRef run(String runId) {
    return new RunRef(TENANT, runId);
  }

  private SfnClient sfn() {
    return aws.clients().sfn();
  }

  @Override
  public void close() {
    try {
      if (workers != null) workers.close();
    } finally {
      aws.close();
      System.clearProperty(dynamoDbProperty);
      properties.close();
      cloud.close();
    }
  }
}
