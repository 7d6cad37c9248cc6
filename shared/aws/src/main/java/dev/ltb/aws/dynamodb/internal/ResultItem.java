package dev.ltb.aws.dynamodb.internal;

import static dev.ltb.aws.dynamodb.internal.Attributes.doubleAttribute;
import static dev.ltb.aws.dynamodb.internal.Attributes.intAttribute;
import static dev.ltb.aws.dynamodb.internal.Attributes.longAttribute;
import static dev.ltb.aws.dynamodb.internal.Attributes.string;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One item's result: PK {@code TENANT#t#RUN#<runId>}, SK {@code ITEM#<itemId>}. The whole result is the JSON
 * in {@code resultJson}, or in S3 under {@code resultKey} when large; the other attributes repeat a few
 * fields worth filtering on, like the SQLite history's columns.
 */
public final class ResultItem {
  public String pk;
  public String sk;
  public String status;
  public Double score;
  public String providerLabel;
  public String promptId;
  public Integer testIndex;
  public Long latencyMs;
  public Double costUsd;
  public String resultJson;
  public String resultKey;

  public static final TableSchema<ResultItem> SCHEMA =
      StaticTableSchema.builder(ResultItem.class)
          .newItemSupplier(ResultItem::new)
          .addAttribute(
              String.class,
              a ->
                  a.name(Keys.PK)
                      .getter(item -> item.pk)
                      .setter((item, value) -> item.pk = value)
                      .tags(StaticAttributeTags.primaryPartitionKey()))
          .addAttribute(
              String.class,
              a ->
                  a.name(Keys.SK)
                      .getter(item -> item.sk)
                      .setter((item, value) -> item.sk = value)
                      .tags(StaticAttributeTags.primarySortKey()))
          .addAttribute(String.class, string("status", item -> item.status, (item, value) -> item.status = value))
          .addAttribute(Double.class, doubleAttribute("score", item -> item.score, (item, value) -> item.score = value))
          .addAttribute(
              String.class,
              string("providerLabel", item -> item.providerLabel, (item, value) -> item.providerLabel = value))
          .addAttribute(String.class, string("promptId", item -> item.promptId, (item, value) -> item.promptId = value))
          .addAttribute(
              Integer.class, intAttribute("testIndex", item -> item.testIndex, (item, value) -> item.testIndex = value))
          .addAttribute(
              Long.class, longAttribute("latencyMs", item -> item.latencyMs, (item, value) -> item.latencyMs = value))
          .addAttribute(Double.class, doubleAttribute("costUsd", item -> item.costUsd, (item, value) -> item.costUsd = value))
          .addAttribute(
              String.class, string("resultJson", item -> item.resultJson, (item, value) -> item.resultJson = value))
          .addAttribute(String.class, string("resultKey", item -> item.resultKey, (item, value) -> item.resultKey = value))
          .build();
}
