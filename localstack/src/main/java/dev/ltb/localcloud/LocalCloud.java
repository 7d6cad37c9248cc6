package dev.ltb.localcloud;

import dev.ltb.localcloud.internal.ElasticMqEmulator;
import dev.ltb.localcloud.internal.Emulator;
import dev.ltb.localcloud.internal.NodeRuntime;
import dev.ltb.localcloud.internal.NodeServer;
import dev.ltb.localcloud.internal.S3ProxyEmulator;
import dev.ltb.localcloud.lambda.LambdaFunction;
import dev.ltb.localcloud.lambda.LambdaInvokeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Docker-free local cloud: AWS service emulators on 127.0.0.1, each on a free port, started only when a test
 * asks for them, and stopped by {@link #close()} (or by a JVM shutdown hook).
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.builder()
 *     .services(Service.SQS, Service.S3, Service.DYNAMODB)
 *     .start()) {
 *   SqsClient sqs = cloud.client(Service.SQS, SqsClient.builder());
 *   // or: production code configured by cloud.systemProperties() / cloud.environment()
 * }
 * }</pre>
 *
 * <table>
 *   <caption>What runs where</caption>
 *   <tr><th>service</th><th>emulator</th><th>runs</th></tr>
 *   <tr><td>SQS</td><td>ElasticMQ</td><td>in this JVM</td></tr>
 *   <tr><td>S3</td><td>S3Proxy, transient store</td><td>in this JVM</td></tr>
 *   <tr><td>DynamoDB</td><td>dynalite, in memory</td><td>Node 22 child process</td></tr>
 *   <tr><td>Step Functions</td><td>aws-local-stepfunctions behind {@code sfn-server/server.mjs}</td>
 *       <td>Node 22 child process</td></tr>
 *   <tr><td>Lambda</td><td>the Invoke API dispatching to Java functions</td><td>in this JVM</td></tr>
 * </table>
 *
 * <p>Step Functions needs Lambda (for Lambda tasks) and SQS (for {@code sqs:sendMessage} tasks): asking for it
 * starts both. Every client talks to the emulators with the static credentials {@link #ACCESS_KEY_ID}/{@link
 * #SECRET_ACCESS_KEY} in region {@link #REGION}; the account id in ARNs is {@link #ACCOUNT_ID}.
 */
public final class LocalCloud implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT_ID = "000000000000";
  public static final String ACCESS_KEY_ID = "test";
  public static final String SECRET_ACCESS_KEY = "test";

  private static final Logger LOG = LoggerFactory.getLogger(LocalCloud.class);

  private final Map<Service, Emulator> emulators;
  private final LambdaInvokeServer lambda;
  private SqsClient sqs;

  private LocalCloud(Map<Service, Emulator> emulators) {
    this.emulators = Collections.unmodifiableMap(emulators);
    this.lambda = (LambdaInvokeServer) emulators.get(Service.LAMBDA);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The services this cloud runs. */
  public Set<Service> services() {
    return emulators.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(emulators.keySet());
  }

  public boolean runs(Service service) {
    return emulators.containsKey(service);
  }

  /** The endpoint of a running service, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint(Service service) {
    Emulator emulator = emulators.get(service);
    if (emulator == null) {
      throw new IllegalStateException(
          service + " is not running in this local cloud; ask for it with LocalCloud.builder().services(...)");
    }
    return emulator.endpoint();
  }

  /**
   * Builds an AWS SDK v2 client for a running service: endpoint override, region {@link #REGION}, static
   * credentials. Example: {@code cloud.client(Service.S3, S3Client.builder())}.
   */
  public <B extends AwsClientBuilder<B, C>, C> C client(Service service, B builder) {
    return builder
        .endpointOverride(endpoint(service))
        .region(Region.of(REGION))
        .credentialsProvider(credentials())
        .build();
  }

  /** An SQS client for this cloud's ElasticMQ, owned by the cloud (closed with it). */
  public synchronized SqsClient sqs() {
    if (sqs == null) {
      sqs = client(Service.SQS, SqsClient.builder());
    }
    return sqs;
  }

  /** Queue helpers (create a queue, with a dead-letter queue and redrive policy) on this cloud's ElasticMQ. */
  public LocalQueues queues() {
    return new LocalQueues(sqs());
  }

  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
  }

  /**
   * The Java SDK v2's standard configuration pointing at this cloud: {@code aws.region}, {@code aws.accessKeyId},
   * {@code aws.secretAccessKey} and {@code aws.endpointUrl<Service>} per running service. With these set,
   * production code that builds its clients with the SDK defaults reaches the emulators unchanged.
   */
  public Map<String, String> systemProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("aws.region", REGION);
    properties.put("aws.accessKeyId", ACCESS_KEY_ID);
    properties.put("aws.secretAccessKey", SECRET_ACCESS_KEY);
    emulators.forEach((service, emulator) ->
        properties.put(service.endpointSystemProperty(), emulator.endpoint().toString()));
    return properties;
  }

  /**
   * The same configuration as environment variables, read by every AWS SDK and the CLI ({@code AWS_REGION},
   * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_ENDPOINT_URL_<SERVICE>}): for child
   * processes such as a packaged Lambda function or the AWS CLI.
   */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("AWS_REGION", REGION);
    environment.put("AWS_DEFAULT_REGION", REGION);
    environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
    environment.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
    emulators.forEach((service, emulator) ->
        environment.put(service.endpointEnvironmentVariable(), emulator.endpoint().toString()));
    return environment;
  }

  /**
   * Sets {@link #systemProperties()} in this JVM until the returned handle is closed, which restores the previous
   * values. System properties are JVM-wide: tests using this must not run in parallel with other clouds.
   */
  public SystemPropertiesScope applySystemProperties() {
    return SystemPropertiesScope.apply(systemProperties());
  }

  /**
   * Registers (or replaces) a function on the Lambda endpoint under its name; it wins over the builder's
   * resolver.
   */
  public void registerFunction(String functionName, LambdaFunction function) {
    if (lambda == null) {
      throw new IllegalStateException("Lambda is not running in this local cloud");
    }
    lambda.register(functionName, function);
  }

  /** The ARN a Step Functions task or an SDK call uses for a function of the Lambda endpoint. */
  public static String functionArn(String functionName) {
    return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + functionName;
  }

  /** The ARN the local Step Functions server gives a state machine created under {@code name}. */
  public static String stateMachineArn(String name) {
    return "arn:aws:states:" + REGION + ":" + ACCOUNT_ID + ":stateMachine:" + name;
  }

  /**
   * Creates a state machine on the local Step Functions server from an ASL file, replacing each {@code ${Key}}
   * of {@code substitutions} as CloudFormation's {@code DefinitionSubstitutions} do (CDK deploys the same file
   * that way), and returns its ARN. Creating the same name with the same definition again returns the same ARN.
   */
  public String createStateMachine(String name, Path aslFile, Map<String, String> substitutions) {
    String definition;
    try {
      definition = Files.readString(aslFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + aslFile, e);
    }
    for (Map.Entry<String, String> substitution : substitutions.entrySet()) {
      definition = definition.replace("${" + substitution.getKey() + "}", substitution.getValue());
    }
    String finalDefinition = definition;
    try (SfnClient sfn = client(Service.STEP_FUNCTIONS, SfnClient.builder())) {
      return sfn.createStateMachine(b -> b.name(name)
              .definition(finalDefinition)
              .roleArn("arn:aws:iam::" + ACCOUNT_ID + ":role/" + name))
          .stateMachineArn();
    }
  }

  /** The PID of a service run as a Node child process (DynamoDB, Step Functions). */
  public long pid(Service service) {
    if (emulators.get(service) instanceof NodeServer node) {
      return node.pid();
    }
    throw new IllegalStateException(service + " is not a child process of this local cloud");
  }

  /** Stops every emulator (Node child processes by their own PID), in reverse start order. */
  @Override
  public void close() {
    synchronized (this) {
      if (sqs != null) {
        sqs.close();
        sqs = null;
      }
    }
    List<Emulator> running = new ArrayList<>(emulators.values());
    Collections.reverse(running);
    running.forEach(Emulator::close);
  }

  /** Chooses the services and the Lambda functions, then starts them. */
  public static final class Builder {

    private final EnumSet<Service> services = EnumSet.noneOf(Service.class);
    private Function<String, LambdaFunction> functions = name -> null;
    private Duration lambdaTimeout = Duration.ofMinutes(15);
    private int lambdaMemoryMb = 1024;
    private double stepFunctionsTimeScale = 1.0;

    private Builder() {}

    public Builder services(Service... requested) {
      services.addAll(List.of(requested));
      return this;
    }

    /** Every service. */
    public Builder allServices() {
      services.addAll(EnumSet.allOf(Service.class));
      return this;
    }

    /**
     * Resolves Lambda function names (the name part of the ARN a caller invokes) to functions; {@code null}
     * means "no such function" (a 404 {@code ResourceNotFoundException}). Implies {@link Service#LAMBDA}.
     */
    public Builder lambdaFunctions(Function<String, LambdaFunction> resolver) {
      this.functions = Objects.requireNonNull(resolver, "resolver");
      services.add(Service.LAMBDA);
      return this;
    }

    /** The timeout and memory every Lambda context reports (defaults: 15 minutes, 1024 MB). */
    public Builder lambdaConfiguration(Duration timeout, int memoryMb) {
      this.lambdaTimeout = Objects.requireNonNull(timeout, "timeout");
      this.lambdaMemoryMb = memoryMb;
      return this;
    }

    /**
     * Multiplies the Step Functions server's Retry intervals and Wait durations (default 1.0), so tests of retry
     * paths need not wait real seconds. With a scale other than 1, each retry waits {@code IntervalSeconds} ×
     * scale without backoff. Task timeouts and heartbeats are never scaled.
     */
    public Builder stepFunctionsTimeScale(double scale) {
      if (!(scale > 0)) {
        throw new IllegalArgumentException("the time scale must be positive, was " + scale);
      }
      this.stepFunctionsTimeScale = scale;
      return this;
    }

    /**
     * Starts the chosen services, the independent ones in parallel; if one fails, the others are stopped and
     * the failure is thrown.
     */
    public LocalCloud start() {
      EnumSet<Service> wanted = EnumSet.copyOf(services.isEmpty() ? EnumSet.noneOf(Service.class) : services);
      if (wanted.contains(Service.STEP_FUNCTIONS)) {
        wanted.add(Service.LAMBDA);
        wanted.add(Service.SQS);
      }
      long started = System.nanoTime();
      // One thread per emulator: the common pool has a single worker on a 2-core machine.
      try (ExecutorService starter = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
        return start(wanted, starter, started);
      }
    }

    private LocalCloud start(EnumSet<Service> wanted, ExecutorService starter, long started) {
      Map<Service, CompletableFuture<Emulator>> first = new EnumMap<>(Service.class);
      CompletableFuture<NodeRuntime> node =
          wanted.contains(Service.DYNAMODB) || wanted.contains(Service.STEP_FUNCTIONS)
              ? CompletableFuture.supplyAsync(NodeRuntime::installed, starter)
              : null;
      for (Service service : wanted) {
        switch (service) {
          case SQS -> first.put(service, CompletableFuture.supplyAsync(ElasticMqEmulator::start, starter));
          case S3 -> first.put(service, CompletableFuture.supplyAsync(S3ProxyEmulator::start, starter));
          case LAMBDA -> first.put(service, CompletableFuture.supplyAsync(
              () -> LambdaInvokeServer.start(functions, lambdaTimeout, lambdaMemoryMb), starter));
          case DYNAMODB -> first.put(service, node.thenApplyAsync(runtime ->
              NodeServer.start("dynamodb", runtime, "node/dynalite-server.mjs", List.of(), Map.of()), starter));
          case STEP_FUNCTIONS -> { }
        }
      }
      Map<Service, Emulator> running = new EnumMap<>(Service.class);
      RuntimeException failure = collect(first, running);
      if (failure == null && wanted.contains(Service.STEP_FUNCTIONS)) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("LTB_ACCOUNT_ID", ACCOUNT_ID);
        env.put("LTB_SFN_TIME_SCALE", Double.toString(stepFunctionsTimeScale));
        env.put(Service.LAMBDA.endpointEnvironmentVariable(), running.get(Service.LAMBDA).endpoint().toString());
        env.put(Service.SQS.endpointEnvironmentVariable(), running.get(Service.SQS).endpoint().toString());
        failure = collect(Map.of(Service.STEP_FUNCTIONS, node.thenApplyAsync(runtime ->
            NodeServer.start("stepfunctions", runtime, "sfn-server/server.mjs", List.of(), env), starter)), running);
      }
      if (failure != null) {
        new LocalCloud(running).close();
        throw failure;
      }
      LocalCloud cloud = new LocalCloud(running);
      LOG.info("local cloud up in {} ms: {}", (System.nanoTime() - started) / 1_000_000, cloud.systemProperties());
      return cloud;
    }

    private static RuntimeException collect(
        Map<Service, CompletableFuture<Emulator>> starting, Map<Service, Emulator> running) {
      RuntimeException failure = null;
      for (Map.Entry<Service, CompletableFuture<Emulator>> entry : starting.entrySet()) {
        try {
          running.put(entry.getKey(), entry.getValue().join());
        } catch (CompletionException e) {
          RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          if (failure == null) {
            failure = new IllegalStateException(entry.getKey() + " did not start: " + cause.getMessage(), cause);
          } else {
            failure.addSuppressed(cause);
          }
        }
      }
      return failure;
    }
  }
}
