package dev.ltb.aws;

import dev.ltb.aws.dynamodb.TableDefinitions;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.Service;
import dev.ltb.localcloud.SystemPropertiesScope;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local cloud for a test class: DynamoDB (dynalite), S3 (S3Proxy) and Step Functions (with the SQS and
 * Lambda endpoints it needs) started once per JVM, and, for the
 * class's duration, the SDK's standard configuration ({@code aws.region}, credentials, {@code
 * aws.endpointUrl*} system properties) pointing at them. {@link #clients()} are the production {@link
 * AwsClients}, built with no endpoint of their own: they find the emulators exactly as a Lambda finds AWS.
 */
public final class LocalAws implements BeforeAllCallback, AfterAllCallback {

  private static LocalCloud cloud;

  private SystemPropertiesScope properties;
  private AwsClients clients;

  /** The running cloud (started on first use, stopped when the JVM exits). */
  public static synchronized LocalCloud cloud() {
    if (cloud == null) cloud = LocalCloud.builder().services(Service.DYNAMODB, Service.S3, Service.STEP_FUNCTIONS).start();
    return cloud;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    properties = cloud().applySystemProperties();
    clients = new AwsClients();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (clients != null) clients.close();
    if (properties != null) properties.close();
  }

  public AwsClients clients() {
    return clients;
  }

  /** A fresh pair of tables (runs and events), named uniquely so test classes never share data. */
  public Tables newTables() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Tables tables = new Tables("ltb-runs-" + suffix, "ltb-events-" + suffix);
    TableDefinitions.createTables(clients.dynamoDb(), tables.runs(), tables.events());
    return tables;
  }

  /** A fresh bucket. */
  public String newBucket() {
    String bucket = "ltb-test-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    TableDefinitions.createBucket(clients.s3(), bucket);
    return bucket;
  }

  public record Tables(String runs, String events) {}
}
