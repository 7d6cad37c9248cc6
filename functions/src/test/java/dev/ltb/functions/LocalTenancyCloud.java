package dev.ltb.functions;

import dev.ltb.aws.AwsClients;
import dev.ltb.aws.dynamodb.TableDefinitions;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.Service;
import java.util.UUID;

/**
 * DynamoDB (dynalite) and SQS (ElasticMQ) of the local cloud, started once per test JVM, with the production
 * {@link AwsClients} pointed at them through the SDK's standard endpoint properties (set for the JVM's life: the
 * handler tests run one after the other in this module).
 */
final class LocalTenancyCloud {

  private static LocalCloud cloud;
  private static AwsClients clients;

  private LocalTenancyCloud() {}

  static synchronized AwsClients clients() {
    if (cloud == null) {
      cloud = LocalCloud.builder().services(Service.DYNAMODB, Service.SQS, Service.S3).start();
      cloud.applySystemProperties();
      clients = new AwsClients();
    }
    return clients;
  }

  static synchronized LocalCloud cloud() {
    clients();
    return cloud;
  }

  /** A fresh runs table (the tenancy items live in it) with a unique name. */
  static String newTable() {
    String table = "ltb-authz-" + UUID.randomUUID().toString().substring(0, 8);
    TableDefinitions.createTables(clients().dynamoDb(), table, table + "-events");
    return table;
  }
}
