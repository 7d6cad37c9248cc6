package dev.ltb.aws.dynamodb.internal;

import static dev.ltb.aws.dynamodb.internal.Attributes.longAttribute;
import static dev.ltb.aws.dynamodb.internal.Attributes.string;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** A run as stored: PK {@code TENANT#t}, SK {@code RUN#<runId>}. Large JSON lives in S3 under {@code *Key}. */
public final class RunItem {
  public String pk;
  public String sk;
  public String createdKey;
  public String tenantId;
  public String runId;
  public String description;
  public String suiteSource;
  public String suiteJson;
  public String suiteKey;
  public String status;
  public String statusReason;
  public String createdAt;
  public String finishedAt;
  public Long totalItems;
  public String summaryJson;
  public String summaryKey;

  public static final TableSchema<RunItem> SCHEMA =
      StaticTableSchema.builder(RunItem.class)
          .newItemSupplier(RunItem::new)
          .addAttribute(
              String.class,
              a ->
                  a.name(Keys.PK)
                      .getter(item -> item.pk)
                      .setter((item, value) -> item.pk = value)
                      .tags(
                          StaticAttributeTags.primaryPartitionKey(),
                          StaticAttributeTags.secondaryPartitionKey(Keys.RUNS_BY_CREATED_AT)))
          .addAttribute(
              String.class,
              a ->
                  a.name(Keys.SK)
                      .getter(item -> item.sk)
                      .setter((item, value) -> item.sk = value)
                      .tags(StaticAttributeTags.primarySortKey()))
          .addAttribute(
              String.class,
              a ->
                  a.name(Keys.CREATED_KEY)
                      .getter(item -> item.createdKey)
                      .setter((item, value) -> item.createdKey = value)
                      .tags(StaticAttributeTags.secondarySortKey(Keys.RUNS_BY_CREATED_AT)))
          .addAttribute(String.class, string("tenantId", item -> item.tenantId, (item, value) -> item.tenantId = value))
          .addAttribute(String.class, string("runId", item -> item.runId, (item, value) -> item.runId = value))
          .addAttribute(
              String.class, string("description", item -> item.description, (item, value) -> item.description = value))
          .addAttribute(
              String.class, string("suiteSource", item -> item.suiteSource, (item, value) -> item.suiteSource = value))
          .addAttribute(String.class, string("suiteJson", item -> item.suiteJson, (item, value) -> item.suiteJson = value))
          .addAttribute(String.class, string("suiteKey", item -> item.suiteKey, (item, value) -> item.suiteKey = value))
          .addAttribute(String.class, string("status", item -> item.status, (item, value) -> item.status = value))
          .addAttribute(
              String.class,
              string("statusReason", item -> item.statusReason, (item, value) -> item.statusReason = value))
          .addAttribute(String.class, string("createdAt", item -> item.createdAt, (item, value) -> item.createdAt = value))
          .addAttribute(
              String.class, string("finishedAt", item -> item.finishedAt, (item, value) -> item.finishedAt = value))
          .addAttribute(
              Long.class, longAttribute("totalItems", item -> item.totalItems, (item, value) -> item.totalItems = value))
          .addAttribute(
              String.class, string("summaryJson", item -> item.summaryJson, (item, value) -> item.summaryJson = value))
          .addAttribute(
              String.class, string("summaryKey", item -> item.summaryKey, (item, value) -> item.summaryKey = value))
          .build();
}
