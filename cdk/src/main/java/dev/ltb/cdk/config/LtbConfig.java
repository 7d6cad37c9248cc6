package dev.ltb.cdk.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything a deployment can choose, with every default resolved here. Built from CDK context by
 * {@link #fromContext}; docs/deploy.md lists the keys.
 *
 * @param stage short lower-case name ({@code dev}, {@code prod}); part of every stack and resource name
 * @param mode single-account or SaaS
 * @param fixedTenant single-account mode: the tenant id every user of the pool belongs to; empty in SaaS mode
 * @param signUpPlan SaaS mode: the plan a self-signed-up user's new tenant starts on, and the plan of any tenant
 *     without a plan record
 * @param repoRoot the repository root; the paths below default relative to it
 * @param codeSources where each artifact's code comes from at deploy time
 * @param artifacts the zip of each artifact (used in {@link CodeSource#ASSET} mode)
 * @param stateMachineDefinition the ASL file deployed as is, with substitutions
 * @param graphqlSchema the AppSync schema file
 * @param tuning memory and timeout per function
 * @param removalPolicy what happens to tables, the bucket and log groups when a stack is deleted
 * @param logRetention how long function, API and state machine logs are kept
 * @param rawOutputRetentionDays after how many days raw item outputs (tagged objects) expire
 * @param corsAllowedOrigins origins allowed to PUT presigned uploads from a browser
 * @param restThrottle default stage throttling of the REST API
 * @param webSocketThrottle stage throttling of the WebSocket API
 * @param usagePlans usage plan tiers of the REST API
 * @param workerMaxConcurrency most worker invocations the shard queue drives at once
 * @param shardMaxReceiveCount deliveries of a shard message before it goes to the DLQ
 * @param webhookMaxReceiveCount delivery attempts of an outbound webhook before it goes to the DLQ
 * @param customDomain optional custom domain of the REST and WebSocket APIs
 * @param alarmEmail optional address subscribed to the alarm topic
 * @param alarmTopic whether alarms publish to an SNS topic (implied by an alarm email)
 */
public record LtbConfig(
    String stage,
    DeploymentMode mode,
    Optional<String> fixedTenant,
    String signUpPlan,
    Path repoRoot,
    Map<Artifact, CodeSource> codeSources,
    Map<Artifact, Path> artifacts,
    Path stateMachineDefinition,
    Path graphqlSchema,
    Map<FunctionKind, FunctionTuning> tuning,
    RemovalPolicy removalPolicy,
    RetentionDays logRetention,
    int rawOutputRetentionDays,
    List<String> corsAllowedOrigins,
    Throttle restThrottle,
    Throttle webSocketThrottle,
    List<UsagePlanTier> usagePlans,
    int workerMaxConcurrency,
    int shardMaxReceiveCount,
    int webhookMaxReceiveCount,
    Optional<CustomDomain> customDomain,
    Optional<String> alarmEmail,
    boolean alarmTopic) {

  public static final String STATE_MACHINE_FILE = "statemachines/benchmark-run.asl.json";
  public static final String GRAPHQL_SCHEMA_FILE = "docs/api/schema.graphql";
  /** The tenant of a single-account installation when context {@code tenant} is not given. */
  public static final String DEFAULT_TENANT = "default";
  public static final String DEFAULT_SIGN_UP_PLAN = "free";

  /** The shape of {@code dev.ltb.tenancy.TenantId} (ConfigTest checks that both agree). */
  private static final java.util.regex.Pattern TENANT_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

  private static final java.util.regex.Pattern PLAN_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public LtbConfig {
    Objects.requireNonNull(stage, "stage");
    if (!stage.matches("[a-z][a-z0-9]{0,11}")) {
      throw new IllegalArgumentException(
          "context 'stage' must be 1-12 lower-case letters or digits starting with a letter, was '" + stage + "'");
    }
    Objects.requireNonNull(mode, "mode");
    fixedTenant = fixedTenant == null ? Optional.empty() : fixedTenant;
    if (mode == DeploymentMode.SAAS && fixedTenant.isPresent()) {
      throw new IllegalArgumentException(
          "context 'tenant' applies to mode single-account only; in saas mode every sign-up creates its own tenant");
    }
    if (mode == DeploymentMode.SINGLE_ACCOUNT && fixedTenant.isEmpty()) {
      throw new IllegalArgumentException("a single-account deployment needs its tenant id (context 'tenant')");
    }
    fixedTenant.ifPresent(
        tenant -> {
          if (!TENANT_ID.matcher(tenant).matches()) {
            throw new IllegalArgumentException(
                "context 'tenant' must be 3-63 characters of a-z, 0-9 and '-', starting and ending with a letter or"
                    + " digit, was '" + tenant + "'");
          }
        });
    if (signUpPlan == null || !PLAN_ID.matcher(signUpPlan).matches()) {
      throw new IllegalArgumentException(
          "context 'signUpPlan' must be a plan id (a-z, 0-9 and '-', e.g. free), was '" + signUpPlan + "'");
    }
    artifacts = Map.copyOf(artifacts);
    codeSources = Map.copyOf(codeSources);
    tuning = Map.copyOf(tuning);
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    usagePlans = List.copyOf(usagePlans);
    if (usagePlans.isEmpty()) throw new IllegalArgumentException("at least one usage plan is needed");
    if (workerMaxConcurrency < 2 || workerMaxConcurrency > 1000) {
      throw new IllegalArgumentException("workerMaxConcurrency must be 2..1000, was " + workerMaxConcurrency);
    }
    if (shardMaxReceiveCount < 1 || webhookMaxReceiveCount < 1) {
      throw new IllegalArgumentException("max receive counts must be positive");
    }
    if (rawOutputRetentionDays < 1) throw new IllegalArgumentException("rawOutputRetentionDays must be positive");
  }

  public boolean isProduction() {
    return stage.equals("prod");
  }

  public FunctionTuning tuning(FunctionKind kind) {
    return tuning.getOrDefault(kind, kind.defaultTuning());
  }

  public CodeSource codeSource(Artifact artifact) {
    return codeSources.getOrDefault(artifact, CodeSource.ASSET);
  }

  public Path artifact(Artifact artifact) {
    return artifacts.get(artifact);
  }

  /** Reads the configuration from CDK context (see docs/deploy.md for the keys). */
  public static LtbConfig fromContext(Function<String, Object> context) {
    ContextValues values = new ContextValues(context);
    String stage = values.string("stage", "dev");
    boolean production = stage.equals("prod");
    DeploymentMode mode = DeploymentMode.fromId(values.string("mode", DeploymentMode.SINGLE_ACCOUNT.id()));
    Optional<String> tenant = values.string("tenant");
    if (mode == DeploymentMode.SINGLE_ACCOUNT && tenant.isEmpty()) tenant = Optional.of(DEFAULT_TENANT);
    Path repoRoot = Path.of(values.string("repoRoot", "..")).toAbsolutePath().normalize();

    Map<Artifact, Path> artifacts = new EnumMap<>(Artifact.class);
    Map<Artifact, CodeSource> codeSources = new EnumMap<>(Artifact.class);
    for (Artifact artifact : Artifact.values()) {
      artifacts.put(artifact, repoRoot.resolve(values.string(artifact.contextKey(), artifact.defaultPath())));
      codeSources.put(artifact, codeSource(artifact, values.string(artifact.sourceContextKey(), "asset")));
    }
    Map<FunctionKind, FunctionTuning> tuning = new EnumMap<>(FunctionKind.class);
    for (FunctionKind kind : FunctionKind.values()) {
      FunctionTuning fallback = kind.defaultTuning();
      tuning.put(
          kind,
          new FunctionTuning(
              values.integer("functions." + kind.id() + ".memoryMb", fallback.memoryMb()),
              values.integer("functions." + kind.id() + ".timeoutSeconds", fallback.timeoutSeconds())));
    }

    Optional<CustomDomain> domain =
        values
            .string("domainName")
            .map(
                name ->
                    new CustomDomain(
                        name, values.string("certificateArn", null), values.string("hostedZoneId", null)));
    Optional<String> alarmEmail = values.string("alarmEmail");

    return new LtbConfig(
        stage,
        mode,
        tenant,
        values.string("signUpPlan", DEFAULT_SIGN_UP_PLAN),
        repoRoot,
        codeSources,
        artifacts,
        repoRoot.resolve(values.string("stateMachineDefinition", STATE_MACHINE_FILE)),
        repoRoot.resolve(values.string("graphqlSchema", GRAPHQL_SCHEMA_FILE)),
        tuning,
        removalPolicy(values.string("removalPolicy", production ? "retain" : "destroy")),
        Retention.of(values.integer("logRetentionDays", production ? 365 : 30)),
        values.integer("rawOutputRetentionDays", 30),
        values.list("corsAllowedOrigins", List.of("*")),
        new Throttle(values.decimal("restRateLimit", 100), values.integer("restBurstLimit", 200)),
        new Throttle(values.decimal("webSocketRateLimit", 50), values.integer("webSocketBurstLimit", 100)),
        defaultUsagePlans(mode),
        values.integer("workerMaxConcurrency", 50),
        values.integer("shardMaxReceiveCount", 3),
        values.integer("webhookMaxReceiveCount", 8),
        domain,
        alarmEmail,
        values.bool("alarmTopic", alarmEmail.isPresent() || production));
  }

  /** Single account: one plan for the installation's key. SaaS: a tier per price plan (issue 8 names them). */
  static List<UsagePlanTier> defaultUsagePlans(DeploymentMode mode) {
    return switch (mode) {
      case SINGLE_ACCOUNT -> List.of(new UsagePlanTier("installation", new Throttle(50, 100), 100_000));
      case SAAS ->
          List.of(
              new UsagePlanTier("free", new Throttle(5, 10), 2_000),
              new UsagePlanTier("team", new Throttle(25, 50), 50_000),
              new UsagePlanTier("enterprise", new Throttle(100, 200), 1_000_000));
    };
  }

  private static CodeSource codeSource(Artifact artifact, String id) {
    return switch (id) {
      case "asset" -> CodeSource.ASSET;
      case "parameters" -> CodeSource.PARAMETERS;
      default ->
          throw new IllegalArgumentException(
              "context '" + artifact.sourceContextKey() + "' must be asset or parameters, was '" + id + "'");
    };
  }

  private static RemovalPolicy removalPolicy(String id) {
    return switch (id) {
      case "retain" -> RemovalPolicy.RETAIN;
      case "destroy" -> RemovalPolicy.DESTROY;
      default -> throw new IllegalArgumentException("context 'removalPolicy' must be retain or destroy, was '" + id + "'");
    };
  }
}
