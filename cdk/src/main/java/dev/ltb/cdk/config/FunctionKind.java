package dev.ltb.cdk.config;

import dev.ltb.cdk.Names.Handler;

/**
 * Every Lambda function of the stack: which artifact and handler it runs, and its default memory and
 * timeout.
 *
 * <p>Timeouts of the state machine's tasks match the ASL's {@code TimeoutSeconds} where that is below
 * Lambda's 900 s limit. Memory defaults are placeholders until measured: issue 6 measures the worker's duration and memory on the
 * local cloud (docs/performance.md) and these follow those figures; override any of them per deployment with
 * context {@code functions.<id>.memoryMb} / {@code functions.<id>.timeoutSeconds}.
 */
public enum FunctionKind {
  PLAN("plan", Artifact.FUNCTIONS, Handler.PLAN, "Loads, validates and expands a suite into shards", 1024, 300),
  WORKER("worker", Artifact.FUNCTIONS, Handler.WORKER, "Executes one shard of a run", 1769, 600),
  AGGREGATE("aggregate", Artifact.FUNCTIONS, Handler.AGGREGATE, "Summarises a run and writes its report", 2048, 600),
  NOTIFY("notify", Artifact.FUNCTIONS, Handler.NOTIFY, "Publishes a finished run's terminal event", 512, 60),
  MARK_FAILED("mark-failed", Artifact.FUNCTIONS, Handler.MARK_FAILED, "Records a run as FAILED with its error", 512, 60),
  CANCEL("cancel", Artifact.FUNCTIONS, Handler.CANCEL, "Stops a run's execution and marks it cancelled", 512, 30),
  WEBHOOK_SENDER(
      "webhook-sender", Artifact.FUNCTIONS, Handler.WEBHOOK_SENDER, "Delivers signed outbound webhooks", 512, 30),
  PROGRESS_PUBLISHER(
      "progress-publisher",
      Artifact.FUNCTIONS,
      Handler.PROGRESS_PUBLISHER,
      "Pushes run events to GraphQL subscriptions and WebSocket clients",
      512,
      60),
  WEBHOOK_INGRESS(
      "webhook-ingress", Artifact.FUNCTIONS, Handler.WEBHOOK_INGRESS, "Verifies signed inbound hooks and starts runs", 1024, 29),
  AUTHORIZER(
      "authorizer", Artifact.FUNCTIONS, Handler.AUTHORIZER, "Maps a JWT or tenant API key to tenant, principal, role", 512, 10),
  GRAPHQL("graphql", Artifact.FUNCTIONS, Handler.GRAPHQL, "AppSync direct Lambda resolvers", 1024, 29),
  WEBSOCKET("websocket", Artifact.FUNCTIONS, Handler.WEBSOCKET, "WebSocket connect, subscribe, unsubscribe, disconnect", 512, 10),
  /** Handler is the REST app's own; QUARKUS_LAMBDA_HANDLER is not set. */
  REST_API("rest-api", Artifact.REST_API, null, "The REST API (suites, runs, results, tenancy)", 1024, 29),
  /** SaaS only: Cognito's Post Confirmation trigger (Cognito waits at most 5 s for it). */
  POST_CONFIRMATION(
      "post-confirmation", Artifact.FUNCTIONS, Handler.POST_CONFIRMATION,
      "Gives a self-signed-up user a tenant of their own", 1024, 5);

  private final String id;
  private final Artifact artifact;
  private final String handler;
  private final String description;
  private final FunctionTuning defaultTuning;

  FunctionKind(String id, Artifact artifact, String handler, String description, int memoryMb, int timeoutSeconds) {
    this.id = id;
    this.artifact = artifact;
    this.handler = handler;
    this.description = description;
    this.defaultTuning = new FunctionTuning(memoryMb, timeoutSeconds);
  }

  public String id() {
    return id;
  }

  public Artifact artifact() {
    return artifact;
  }

  /** The QUARKUS_LAMBDA_HANDLER value, or null for an app with a single handler. */
  public String handler() {
    return handler;
  }

  public String description() {
    return description;
  }

  public FunctionTuning defaultTuning() {
    return defaultTuning;
  }

  /** Whether a deployment in {@code mode} has this function: the sign-up trigger exists only in SaaS mode. */
  public boolean deployedIn(DeploymentMode mode) {
    return this != POST_CONFIRMATION || mode == DeploymentMode.SAAS;
  }

  /** The functions a deployment in {@code mode} has. */
  public static java.util.List<FunctionKind> ofMode(DeploymentMode mode) {
    return java.util.Arrays.stream(values()).filter(kind -> kind.deployedIn(mode)).toList();
  }
}
