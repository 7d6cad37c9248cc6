package dev.ltb.aws.dynamodb.tenancy;

import static dev.ltb.aws.dynamodb.tenancy.Items.call;
import static dev.ltb.aws.dynamodb.tenancy.Items.decimal;
import static dev.ltb.aws.dynamodb.tenancy.Items.key;
import static dev.ltb.aws.dynamodb.tenancy.Items.n;
import static dev.ltb.aws.dynamodb.tenancy.Items.number;
import static dev.ltb.aws.dynamodb.tenancy.Items.s;
import static dev.ltb.aws.dynamodb.tenancy.Items.string;

import dev.ltb.tenancy.TenantId;
import dev.ltb.usage.DailyUsage;
import dev.ltb.usage.UsageLedger;
import dev.ltb.usage.UsageRecord;
import dev.ltb.usage.UsageTotals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Usage in DynamoDB, exactly once per (tenant, run, unit) without transactions: each record is one conditional
 * {@code UpdateItem} on a roll-up item that {@code ADD}s the amounts and the unit to the set {@code usageUnits}, on the
 * condition that the set does not contain the unit yet. Two roll-ups are kept, each idempotent on its own, so a
 * crash between them heals on redelivery: per day and run {@code sk = USAGE#<yyyy-mm-dd>#<runId>} (day and month
 * totals sum a key range) and per run {@code sk = USAGERUN#<runId>}. A run has at most thousands of shards, so the
 * sets stay far below DynamoDB's 400 KB item limit when units are shards.
 */
public final class DynamoUsageLedger implements UsageLedger {

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoUsageLedger(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public boolean record(UsageRecord record) {
    String pk = record.tenantId().partitionKey();
    boolean byRun = apply(pk, "USAGERUN#" + record.runId(), record);
    apply(pk, "USAGE#" + record.day() + "#" + record.runId(), record);
    // The run roll-up decides: racing deliveries may split the two roll-ups between them (A wins the run's, B
    // the day's), and still exactly one of them may say it recorded the unit.
    return byRun;
  }

  private boolean apply(String pk, String sk, UsageRecord record) {
    UsageTotals usage = record.usage();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":unitSet", AttributeValue.fromSs(List.of(record.unit())));
    values.put(":unit", s(record.unit()));
    values.put(":one", n(1));
    values.put(":items", n(usage.items()));
    values.put(":in", n(usage.tokensIn()));
    values.put(":out", n(usage.tokensOut()));
    values.put(":cost", n(usage.providerCostUsd()));
    values.put(":compute", n(usage.computeMs()));
    values.put(":plugin", n(usage.pluginMs()));
    values.put(":runId", s(record.runId()));
    values.put(":day", s(record.day().toString()));
    try {
      call("record usage", table, () -> dynamo.updateItem(update -> update.tableName(table).key(key(pk, sk))
          .updateExpression("ADD usageUnits :unitSet, usageRecords :one, usageItems :items, tokensIn :in, tokensOut :out,"
              + " providerCostUsd :cost, computeMs :compute, pluginMs :plugin SET runId = :runId, usageDay = :day")
          .conditionExpression("attribute_not_exists(usageUnits) OR NOT contains(usageUnits, :unit)")
          .expressionAttributeValues(values)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public List<DailyUsage> daily(TenantId tenant, LocalDate from, LocalDate to) {
    TreeMap<LocalDate, UsageTotals> days = new TreeMap<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> page = start;
      QueryResponse response = call("read usage", table, () -> dynamo.query(query -> query.tableName(table)
          .keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
          .expressionAttributeValues(Map.of(":pk", s(tenant.partitionKey()), ":low", s("USAGE#" + from + "#"),
              ":high", s("USAGE#" + to + "#~")))
          .exclusiveStartKey(page)));
      for (Map<String, AttributeValue> item : response.items())
        days.merge(LocalDate.parse(string(item, "usageDay")), totals(item), UsageTotals::plus);
      start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey() : null;
    } while (start != null);
    List<DailyUsage> result = new ArrayList<>();
    days.forEach((day, totals) -> result.add(new DailyUsage(day, totals)));
    return result;
  }

  @Override
  public UsageTotals run(TenantId tenant, String runId) {
    Map<String, AttributeValue> item = call("read usage", table, () -> dynamo.getItem(get -> get.tableName(table)
        .key(key(tenant.partitionKey(), "USAGERUN#" + runId)).consistentRead(true))).item();
    return item == null || item.isEmpty() ? UsageTotals.ZERO : totals(item);
  }

  private static UsageTotals totals(Map<String, AttributeValue> item) {
    return new UsageTotals(number(item, "usageRecords"), number(item, "usageItems"), number(item, "tokensIn"),
        number(item, "tokensOut"), decimal(item, "providerCostUsd"), number(item, "computeMs"),
        number(item, "pluginMs"));
  }
}
