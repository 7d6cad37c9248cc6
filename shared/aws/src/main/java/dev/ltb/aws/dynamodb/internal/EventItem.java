package dev.ltb.aws.dynamodb.internal;

import static dev.ltb.aws.dynamodb.internal.Attributes.longAttribute;
import static dev.ltb.aws.dynamodb.internal.Attributes.string;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One run event: PK {@code TENANT#t#RUN#<runId>}, SK {@code <time, 9 fraction digits>#<writer>#<sequence>}.
 * {@code expiresAt} (epoch seconds) is for a TTL the deployment may enable; nothing relies on it.
 */
public final class EventItem {
  public String pk;
  public String sk;
  public String tenantId;
  public String runId;
  public String type;
  public String at;
  public String dataJson;
  public Long expiresAt;

  public static final TableSchema<EventItem> SCHEMA =
      StaticTableSchema.builder(EventItem.class)
          .newItemSupplier(EventItem::new)
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
          .addAttribute(String.class, string("tenantId", item -> item.tenantId, (item, value) -> item.tenantId = value))
          .addAttribute(String.class, string("runId", item -> item.runId, (item, value) -> item.runId = value))
          .addAttribute(String.class, string("type", item -> item.type, (item, value) -> item.type = value))
          .addAttribute(String.class, string("at", item -> item.at, (item, value) -> item.at = value))
          .addAttribute(String.class, string("dataJson", item -> item.dataJson, (item, value) -> item.dataJson = value))
          .addAttribute(
              Long.class, longAttribute("expiresAt", item -> item.expiresAt, (item, value) -> item.expiresAt = value))
          .build();
}
