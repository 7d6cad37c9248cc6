package dev.ltb.aws.dynamodb.tenancy;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tenancy adapters over one table ({@code LTB_TABLE}), built once per container:
 *
 * <pre>{@code
 * AwsAdapters aws = AwsAdapters.fromEnvironment();
 * DynamoTenancyStores stores = new DynamoTenancyStores(aws.clients().dynamoDb(), aws.settings().table());
 * ApiKeys apiKeys = new ApiKeys(stores.apiKeys(), new ApiKeyHasher(), Clock.systemUTC());
 * }</pre>
 */
public record DynamoTenancyStores(DynamoDbClient dynamo, String table) {

  public DynamoTenancyStores {
    Objects.requireNonNull(dynamo, "dynamo");
    Objects.requireNonNull(table, "table");
  }

  public DynamoApiKeyStore apiKeys() {
    return new DynamoApiKeyStore(dynamo, table);
  }

  public DynamoAuditLog auditLog() {
    return new DynamoAuditLog(dynamo, table);
  }

  public DynamoUsageLedger usageLedger() {
    return new DynamoUsageLedger(dynamo, table);
  }

  public DynamoRunSlots runSlots() {
    return new DynamoRunSlots(dynamo, table);
  }

  public DynamoDeliveryIds deliveryIds() {
    return new DynamoDeliveryIds(dynamo, table);
  }

  public DynamoDeliveryLog deliveryLog() {
    return new DynamoDeliveryLog(dynamo, table);
  }

  public DynamoWebhookSubscriptions webhookSubscriptions() {
    return new DynamoWebhookSubscriptions(dynamo, table);
  }

  public DynamoInboundHooks inboundHooks() {
    return new DynamoInboundHooks(dynamo, table);
  }

  /** Per-tenant plans from {@code catalogue}; tenants without an assignment are on {@code defaultPlan}. */
  public DynamoTenantPlans tenantPlans(dev.ltb.tenancy.Plans catalogue, dev.ltb.tenancy.Plan defaultPlan) {
    return new DynamoTenantPlans(dynamo, table, catalogue, defaultPlan);
  }

  /** Per-tenant plans with the default named by id ({@code LTB_PLAN}); an unknown id is refused now, not later. */
  public DynamoTenantPlans tenantPlans(dev.ltb.tenancy.Plans catalogue, String defaultPlanId) {
    return tenantPlans(catalogue, DynamoTenantPlans.find(catalogue, defaultPlanId).orElseGet(() -> catalogue.get(defaultPlanId)));
  }
}
