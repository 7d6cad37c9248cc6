package dev.ltb.aws;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every environment variable the AWS adapters read, in one place (docs/aws-adapters.md lists them too).
 * Endpoints and regions are not here: the SDK reads them from its standard configuration ({@code AWS_REGION},
 * {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>}, the {@code aws.*} system properties).
 *
 * <ul>
 *   <li>{@value #TABLE}: the DynamoDB table of runs and results;
 *   <li>{@value #EVENTS_TABLE}: the DynamoDB table of run events;
 *   <li>{@value #BUCKET}: the S3 bucket of suites, large outputs, summaries and reports;
 *   <li>{@value #SECRETS_SOURCE}: {@code secretsmanager} (default) or {@code ssm}, where provider API keys live;
 *   <li>{@value #SECRETS_PREFIX}: prepended to a secret's name, default {@value #DEFAULT_SECRETS_PREFIX};
 *   <li>{@value #SECRETS_TTL_SECONDS}: how long a resolved secret is cached, default 300;
 *   <li>{@value #PLAN}: the plan of tenants without one of their own ({@code unlimited} by default);
 *   <li>{@value #WEBHOOK_QUEUE_URL} and {@value #WEBHOOK_DEAD_LETTER_URL}: the outbound webhook queue and its
 *       dead-letter queue.
 *   <li>{@value #STATE_MACHINE_ARN}: the benchmark-run state machine the API starts runs on;
 *   <li>{@value #CANCEL_FUNCTION_ARN}: the cancel function the API invokes to cancel a run;
 *   <li>{@value #WEBHOOK_PRIVATE_NETWORKS}: {@code true} lets webhooks go to http and private addresses
 *       (single-tenant installations), default {@code false};
 *   <li>{@value #WEBSOCKET_CALLBACK_URL}: the https URL of the WebSocket stage's Management API, where the
 *       progress publisher pushes to connections.
 * </ul>
 *
 * A setting is checked when first asked for, so a function that never touches the events table does not
 * need {@value #EVENTS_TABLE}.
 */
public final class AwsSettings {

  public static final String TABLE = "LTB_TABLE";
  public static final String EVENTS_TABLE = "LTB_EVENTS_TABLE";
  public static final String BUCKET = "LTB_BUCKET";
  public static final String SECRETS_SOURCE = "LTB_SECRETS_SOURCE";
  public static final String SECRETS_PREFIX = "LTB_SECRETS_PREFIX";
  public static final String SECRETS_TTL_SECONDS = "LTB_SECRETS_TTL_SECONDS";
  public static final String PLAN = "LTB_PLAN";
  public static final String WEBHOOK_QUEUE_URL = "LTB_WEBHOOK_QUEUE_URL";
  public static final String WEBHOOK_DEAD_LETTER_URL = "LTB_WEBHOOK_DEAD_LETTER_URL";

  /** {@value #PLAN}'s default: no limits, no charges (single-account installations). */
  public static final String UNLIMITED_PLAN = "unlimited";
  public static final String WEBSOCKET_CALLBACK_URL = "LTB_WEBSOCKET_CALLBACK_URL";
  public static final String STATE_MACHINE_ARN = "LTB_STATE_MACHINE_ARN";
  public static final String CANCEL_FUNCTION_ARN = "LTB_CANCEL_FUNCTION_ARN";
  public static final String WEBHOOK_PRIVATE_NETWORKS = "LTB_WEBHOOK_PRIVATE_NETWORKS";
  public static final String TENANT_ROLE_ARN = "LTB_TENANT_ROLE_ARN";
  /** Set by Lambda; names the function in role session names. */
  public static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";

  public static final String DEFAULT_SECRETS_PREFIX = "ltb/";
  public static final Duration DEFAULT_SECRETS_TTL = Duration.ofMinutes(5);

  /** Where {@link dev.ltb.aws.secrets.PowertoolsSecretResolver} looks secrets up. */
  public enum SecretSource {
    SECRETS_MANAGER,
    SSM
  }

  private final Map<String, String> environment;

  private AwsSettings(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static AwsSettings fromEnvironment() {
    return of(System.getenv());
  }

  public static AwsSettings of(Map<String, String> environment) {
    return new AwsSettings(Objects.requireNonNull(environment, "environment"));
  }

  public String table() {
    return required(TABLE, "the DynamoDB table of runs and results");
  }

  public String eventsTable() {
    return required(EVENTS_TABLE, "the DynamoDB table of run events");
  }

  /** The Management API endpoint of the WebSocket stage, e.g. {@code https://abc123.execute-api.eu-west-1.amazonaws.com/prod}. */
  public java.net.URI webSocketCallbackUrl() {
    String url = required(WEBSOCKET_CALLBACK_URL, "the WebSocket stage's Management API endpoint (https://…/<stage>)");
    try {
      java.net.URI uri = new java.net.URI(url);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null)
        throw new java.net.URISyntaxException(url, "not an http(s) URL");
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new AwsConfigurationException(
          WEBSOCKET_CALLBACK_URL + " is '" + url + "'; give the stage's https callback URL (see docs/aws-adapters.md)");
    }
  }

  public String bucket() {
    return required(BUCKET, "the S3 bucket of suites, outputs and reports");
  }

  public SecretSource secretsSource() {
    return value(SECRETS_SOURCE)
        .map(
            source ->
                switch (source.toLowerCase(java.util.Locale.ROOT)) {
                  case "secretsmanager", "secrets-manager" -> SecretSource.SECRETS_MANAGER;
                  case "ssm", "parameter-store" -> SecretSource.SSM;
                  default ->
                      throw new AwsConfigurationException(
                          SECRETS_SOURCE + " is '" + source + "'; use secretsmanager or ssm");
                })
        .orElse(SecretSource.SECRETS_MANAGER);
  }

  public String secretsPrefix() {
    String prefix = environment.get(SECRETS_PREFIX);
    return prefix == null ? DEFAULT_SECRETS_PREFIX : prefix.strip();
  }

  public Duration secretsTtl() {
    return value(SECRETS_TTL_SECONDS)
        .map(
            seconds -> {
              try {
                long parsed = Long.parseLong(seconds);
                if (parsed < 0) throw new NumberFormatException();
                return Duration.ofSeconds(parsed);
              } catch (NumberFormatException e) {
                throw new AwsConfigurationException(
                    SECRETS_TTL_SECONDS + " is '" + seconds + "'; give a whole number of seconds >= 0");
              }
            })
        .orElse(DEFAULT_SECRETS_TTL);
  }

  /** The plan id of tenants without an assignment of their own; {@value #UNLIMITED_PLAN} when unset. */
  public String defaultPlan() {
    return value(PLAN).orElse(UNLIMITED_PLAN);
  }

  public String stateMachineArn() {
    return required(STATE_MACHINE_ARN, "the benchmark-run state machine the API starts runs on");
  }

  public String cancelFunctionArn() {
    return required(CANCEL_FUNCTION_ARN, "the cancel function the API invokes to cancel a run");
  }

  /** Whether outbound webhooks may go to http and private addresses ({@value #WEBHOOK_PRIVATE_NETWORKS}). */
  public boolean webhookPrivateNetworks() {
    return value(WEBHOOK_PRIVATE_NETWORKS).map(Boolean::parseBoolean).orElse(false);
  }

  public String webhookQueueUrl() {
    return required(WEBHOOK_QUEUE_URL, "the SQS queue of outbound webhook deliveries");
  }

  public String webhookDeadLetterUrl() {
    return required(WEBHOOK_DEAD_LETTER_URL, "the dead-letter queue of outbound webhook deliveries");
  }

  /**
   * The tenant data role ({@value #TENANT_ROLE_ARN}, set by the CDK stack in SaaS mode): when present, tenant data is
   * read and written with credentials of this role assumed for the caller's tenant; when absent, with the function's
   * own credentials.
   */
  public Optional<String> tenantRoleArn() {
    Optional<String> arn = value(TENANT_ROLE_ARN);
    arn.filter(value -> !value.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+"))
        .ifPresent(value -> {
          throw new AwsConfigurationException(
              TENANT_ROLE_ARN + " is '" + value + "'; give the ARN of the tenant data role (arn:aws:iam::<account>:role/<name>)");
        });
    return arn;
  }

  /** Who this process is in role session names: the Lambda function's name, else {@code ltb}. */
  public String workloadName() {
    return value(FUNCTION_NAME).orElse("ltb");
  }

  private Optional<String> value(String variable) {
    return Optional.ofNullable(environment.get(variable)).map(String::strip).filter(value -> !value.isEmpty());
  }

  private String required(String variable, String what) {
    return value(variable)
        .orElseThrow(
            () ->
                new AwsConfigurationException(
                    variable + " is not set: it names " + what + " (see docs/aws-adapters.md)"));
  }
}
