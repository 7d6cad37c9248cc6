package dev.ltb.aws.dynamodb.tenancy;

import static dev.ltb.aws.dynamodb.tenancy.Items.call;
import static dev.ltb.aws.dynamodb.tenancy.Items.key;
import static dev.ltb.aws.dynamodb.tenancy.Items.s;
import static dev.ltb.aws.dynamodb.tenancy.Items.string;

import dev.ltb.tenancy.Plan;
import dev.ltb.tenancy.Plans;
import dev.ltb.tenancy.TenantId;
import dev.ltb.tenancy.TenantPlans;
import dev.ltb.tenancy.onboarding.TenantRegistry;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Which plan each tenant is on: {@code pk = TENANT#<t>, sk = PLAN} with {@code planId} and {@code assignedAt}. A
 * tenant without the item is on the default plan ({@code LTB_PLAN}). A plan id the catalogue no longer has is
 * refused with a message naming it, rather than silently letting the tenant run unmetered.
 */
public final class DynamoTenantPlans implements TenantPlans, TenantRegistry {

  static final String SK = "PLAN";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Plans catalogue;
  private final Plan defaultPlan;

  public DynamoTenantPlans(DynamoDbClient dynamo, String table, Plans catalogue, Plan defaultPlan) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.defaultPlan = Objects.requireNonNull(defaultPlan, "defaultPlan");
  }

  @Override
  public Plan planOf(TenantId tenant) {
    return assigned(tenant)
        .map(id -> find(catalogue, id).orElseThrow(() -> new IllegalStateException("tenant " + tenant
            + " is on plan '" + id + "', which the plan catalogue does not define; assign a known plan")))
        .orElse(defaultPlan);
  }

  /** A plan of the catalogue, or {@code unlimited} ({@link Plan#unlimited()}) when the catalogue has none so named. */
  public static Optional<Plan> find(Plans catalogue, String id) {
    Optional<Plan> found = catalogue.find(id);
    if (found.isEmpty() && Plan.unlimited().id().equals(id)) return Optional.of(Plan.unlimited());
    return found;
  }

  /** The plan id stored for the tenant, empty when it is on the default plan. */
  public Optional<String> assigned(TenantId tenant) {
    Map<String, AttributeValue> item = call("read a tenant's plan", table, () -> dynamo.getItem(get -> get.tableName(table)
        .key(key(tenant.partitionKey(), SK)).consistentRead(true))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(string(item, "planId"));
  }

  /** Puts the tenant on a plan of the catalogue (an unknown id is refused, naming the known ones). */
  public Plan assign(TenantId tenant, String planId, Instant at) {
    Plan plan = find(catalogue, planId).orElseGet(() -> catalogue.get(planId));
    Map<String, AttributeValue> item = new HashMap<>(key(tenant.partitionKey(), SK));
    item.put("planId", s(plan.id()));
    item.put("assignedAt", s(at.toString()));
    call("assign a tenant's plan", table, () -> dynamo.putItem(put -> put.tableName(table).item(item)));
    return plan;
  }

  /**
   * A new tenant (self sign-up): its plan item, put only if the tenant has none, so a repeated sign-up changes
   * nothing. An unknown plan id is refused, naming the known ones.
   */
  @Override
  public boolean createIfAbsent(TenantId tenant, String planId, Instant at) {
    Plan plan = find(catalogue, planId).orElseGet(() -> catalogue.get(planId));
    Map<String, AttributeValue> item = new HashMap<>(key(tenant.partitionKey(), SK));
    item.put("planId", s(plan.id()));
    item.put("assignedAt", s(at.toString()));
    item.put("createdAt", s(at.toString()));
    try {
      call("create a tenant", table, () -> dynamo.putItem(put -> put.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk)")));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Back to the default plan. */
  public void unassign(TenantId tenant) {
    call("remove a tenant's plan", table, () -> dynamo.deleteItem(delete -> delete.tableName(table)
        .key(key(tenant.partitionKey(), SK))));
  }
}
