package dev.ltb.cdk;

/**
 * Every name the deployed code and the infrastructure must agree on, in one place: environment variables
 * the functions read, DynamoDB key and TTL attributes, handler names for {@code QUARKUS_LAMBDA_HANDLER},
 * state machine substitution keys, metric names and secret prefixes.
 *
 * <p>Names marked "ALIGN" are this module's choice where the code that reads them was not written yet (the
 * AWS adapters, the REST/GraphQL/WebSocket handlers and tenancy); docs/deploy.md lists them. When that
 * code lands, it changes here and nowhere else in {@code cdk/}.
 */
public final class Names {
  private Names() {}

  /** Prefix of every stack name: {@code Ltb-<stage>-<Part>}; also the IAM trust pattern of the tenant role. */
  public static final String STACK_PREFIX = "Ltb";

  /** Environment variables the functions read. */
  public static final class Env {
    private Env() {}

    public static final String STAGE = "LTB_STAGE";
    /** {@code single-account} or {@code saas}. */
    public static final String MODE = "LTB_MODE";
    /** The runs/results/tenancy table (issue 6 adapters: LTB_TABLE). */
    public static final String TABLE = "LTB_TABLE";
    /** The run events table the progress publisher reads through its stream (issue 6: LTB_EVENTS_TABLE). */
    public static final String EVENTS_TABLE = "LTB_EVENTS_TABLE";
    /** Suites, oversized outputs, summaries and reports (issue 6: LTB_BUCKET). */
    public static final String BUCKET = "LTB_BUCKET";
    /** ALIGN: the state machine the API and webhook ingress start, and cancel stops. */
    public static final String STATE_MACHINE_ARN = "LTB_STATE_MACHINE_ARN";
    /** ALIGN: outbound webhook deliveries (issue 8). */
    public static final String WEBHOOK_QUEUE_URL = "LTB_WEBHOOK_QUEUE_URL";
    /** The webhook queue's dead-letter queue: the sender moves deliveries out of attempts there (issue 8). */
    public static final String WEBHOOK_DEAD_LETTER_URL = "LTB_WEBHOOK_DEAD_LETTER_URL";
    /** ALIGN: the cancel function the APIs invoke. */
    public static final String CANCEL_FUNCTION_ARN = "LTB_CANCEL_FUNCTION_ARN";
    /** ALIGN: tenant-scoped data role (SaaS mode) assumed with a {@code tenant} session tag. */
    public static final String TENANT_ROLE_ARN = "LTB_TENANT_ROLE_ARN";
    /** ALIGN: Secrets Manager name prefix of per-tenant provider credentials and webhook secrets. */
    public static final String SECRETS_PREFIX = "LTB_SECRETS_PREFIX";
    /** ALIGN: Cognito ids the Lambda authorizer verifies JWTs against. */
    public static final String USER_POOL_ID = "LTB_USER_POOL_ID";
    public static final String USER_POOL_CLIENT_ID = "LTB_USER_POOL_CLIENT_ID";
    /** Single-account mode: the one tenant every user of the pool belongs to (read by authorizer, graphql, websocket). */
    public static final String FIXED_TENANT = "LTB_FIXED_TENANT";
    /**
     * ALIGN: the plan of a tenant without a plan record, checked when a run starts (REST, GraphQL, webhook ingress):
     * SaaS mode sets the sign-up plan; single-account mode leaves it unset, so the installation is unlimited.
     */
    public static final String DEFAULT_PLAN = "LTB_PLAN";
    /** SaaS mode: the plan a self-signed-up user's new tenant starts on (read by post-confirmation). */
    public static final String SIGN_UP_PLAN = "LTB_SIGN_UP_PLAN";
    /** Single-account: the installation usage-plan key's value the authorizer returns as usageIdentifierKey. */
    public static final String USAGE_IDENTIFIER_KEY = "LTB_USAGE_IDENTIFIER_KEY";
    /** ALIGN: AppSync endpoint the progress publisher sends its IAM-signed publish mutations to. */
    public static final String GRAPHQL_URL = "LTB_GRAPHQL_URL";
    /** ALIGN: https endpoint of the WebSocket stage for the API Gateway Management API. */
    public static final String WEBSOCKET_CALLBACK_URL = "LTB_WEBSOCKET_CALLBACK_URL";
    /** ALIGN: SSM parameter holding the usage plan ids (comma separated, in tier order) tenant keys join. */
    public static final String USAGE_PLANS_PARAMETER = "LTB_USAGE_PLANS_PARAMETER";
    /** The worker's delivery budget: must equal the shard queue's maxReceiveCount (functions/CoreBeans). */
    public static final String WORKER_MAX_DELIVERIES = "LTB_WORKER_MAX_DELIVERIES";
    /** Selects the handler inside the one Quarkus functions app (issue 6). */
    public static final String QUARKUS_HANDLER = "QUARKUS_LAMBDA_HANDLER";
    /** Powertools metrics: namespace and service, so the worker's EMF metrics land where the dashboard reads. */
    public static final String POWERTOOLS_NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";
    public static final String POWERTOOLS_SERVICE = "POWERTOOLS_SERVICE_NAME";
  }

  /**
   * DynamoDB attribute and index names: those of the adapters' own table definitions
   * ({@code dev.ltb.aws.dynamodb.TableDefinitions}); {@code DataStackTest} compares the two.
   */
  public static final class Table {
    private Table() {}

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    /** Epoch seconds; set on records that expire (idempotency keys, replay ids, connections, events). */
    public static final String TTL = "expiresAt";
    /** The runs table's index of a tenant's runs, newest first ({@code ltb list}, {@code GET /runs}). */
    public static final String RUNS_INDEX = "runsByCreatedAt";
    /** Sort key of {@link #RUNS_INDEX}; only run items carry it, so the index is sparse. */
    public static final String RUNS_INDEX_SORT_KEY = "createdKey";
    /** Partition keys start with this and the tenant id: the IAM LeadingKeys condition relies on it. */
    public static final String TENANT_KEY_PREFIX = "TENANT#";
  }

  /** S3 layout. */
  public static final class Bucket {
    private Bucket() {}

    /** Every tenant object lives under {@code tenants/<id>/}. */
    public static final String TENANT_PREFIX = "tenants/";
    /** ALIGN: object tag the adapters set on raw item outputs; a lifecycle rule expires them. */
    public static final String RAW_OUTPUT_TAG_KEY = "ltb-class";
    public static final String RAW_OUTPUT_TAG_VALUE = "raw-output";
  }

  /** Values of {@link Env#QUARKUS_HANDLER}. plan..mark-failed are issue 6's; the others ALIGN with issues 7/8. */
  public static final class Handler {
    private Handler() {}

    public static final String PLAN = "plan";
    public static final String WORKER = "worker";
    public static final String AGGREGATE = "aggregate";
    public static final String NOTIFY = "notify";
    public static final String CANCEL = "cancel";
    public static final String MARK_FAILED = "mark-failed";
    public static final String PROGRESS_PUBLISHER = "progress-publisher";
    public static final String WEBHOOK_SENDER = "webhook-sender";
    public static final String WEBHOOK_INGRESS = "webhook-ingress";
    public static final String AUTHORIZER = "authorizer";
    public static final String GRAPHQL = "graphql";
    public static final String WEBSOCKET = "websocket";
    public static final String POST_CONFIRMATION = "post-confirmation";
  }

  /** The handler entry point of every Quarkus Lambda (both the functions app and the REST app). */
  public static final String QUARKUS_STREAM_HANDLER =
      "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

  /** Every function is invoked through this alias of its latest published version (SnapStart). */
  public static final String LIVE_ALIAS = "live";

  /** Substitution keys of {@code statemachines/benchmark-run.asl.json} ({@code ${Key}} in the file). */
  public static final class Substitution {
    private Substitution() {}

    public static final String PLAN_FUNCTION = "PlanFunctionArn";
    public static final String AGGREGATE_FUNCTION = "AggregateFunctionArn";
    public static final String NOTIFY_FUNCTION = "NotifyFunctionArn";
    public static final String WORKER_FUNCTION = "WorkerFunctionArn";
    public static final String CANCEL_FUNCTION = "CancelFunctionArn";
    public static final String MARK_FAILED_FUNCTION = "MarkFailedFunctionArn";
    public static final String SHARD_QUEUE_URL = "ShardQueueUrl";
    public static final String SHARD_QUEUE_ARN = "ShardQueueArn";
    public static final String RUNS_TABLE = "RunsTableName";
    public static final String EVENTS_TABLE = "EventsTableName";
    public static final String BUCKET = "BucketName";
  }

  /**
   * Custom metrics the worker emits with Powertools (EMF; functions/WorkerMetrics): namespace from {@link
   * Env#POWERTOOLS_NAMESPACE}, Powertools' default dimension {@code Service} from {@link Env#POWERTOOLS_SERVICE}.
   */
  public static final class Metric {
    private Metric() {}

    public static final String NAMESPACE = "LlmTestBench";
    public static final String SERVICE_DIMENSION = "Service";
    public static final String WORKER_SERVICE = "ltb-worker";
    public static final String ITEMS = "Items";
    public static final String ITEMS_FAILED = "ItemsFailed";
    public static final String ITEM_ERRORS = "ItemErrors";
    public static final String PROVIDER_LATENCY = "ProviderLatency";
    public static final String INPUT_TOKENS = "InputTokens";
    public static final String OUTPUT_TOKENS = "OutputTokens";
    public static final String COST = "CostUsd";
  }

  /**
   * The value of {@link Env#SECRETS_PREFIX}: {@code ltb/<stage>/}. The functions' secret resolver adds
   * {@code tenants/<tenant>/} itself for a tenant's secrets (docs/aws-adapters.md), so the variable must not
   * contain it: tenant secrets are {@code ltb/<stage>/tenants/<tenant>/<NAME>}.
   */
  public static String secretsPrefix(String stage) {
    return "ltb/" + stage + "/";
  }

  /** Where every tenant's secrets live, {@code ltb/<stage>/tenants/}: the IAM resource of tenant secret access. */
  public static String tenantSecretsPrefix(String stage) {
    return secretsPrefix(stage) + "tenants/";
  }

  /** The installation API key's value (single-account); not a secret: API Gateway takes keys from the authorizer. */
  public static String installationUsageKey(String stage) {
    return "ltb-" + stage + "-installation-usage-key";
  }

  public static String stackName(String stage, String part) {
    return STACK_PREFIX + "-" + stage + "-" + part;
  }

  public static String stateMachineName(String stage) {
    return "ltb-" + stage + "-benchmark-run";
  }
}
