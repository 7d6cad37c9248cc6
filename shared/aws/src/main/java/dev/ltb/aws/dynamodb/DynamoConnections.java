package dev.ltb.aws.dynamodb;

import dev.ltb.aws.dynamodb.internal.DynamoErrors;
import dev.ltb.aws.dynamodb.internal.Keys;
import dev.ltb.progress.Connection;
import dev.ltb.progress.Connections;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * WebSocket connections in the runs table ({@code LTB_TABLE}):
 *
 * <pre>
 * connection    PK CONN#&lt;connectionId&gt;                     SK CONN
 *               tenantId, principalId, role, kind, connectedAt, expiresAt, runs (string set)
 * subscription  PK TENANT#&lt;t&gt;#RUN#&lt;runId&gt;#SUBSCRIBERS    SK CONN#&lt;connectionId&gt;
 *               connectionId, expiresAt
 * </pre>
 *
 * {@code $disconnect} knows only the connection id, hence the connection's own partition; the publisher finds a
 * run's subscribers with one query on the tenant-prefixed subscription partition. {@code expiresAt} (epoch
 * seconds) is there for a TTL the deployment may enable; reads skip expired items themselves, so nothing relies on
 * TTL deleting them.
 */
public final class DynamoConnections implements Connections {

  private static final String CONNECTION_SK = "CONN";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoConnections(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    if (table == null || table.isBlank()) throw new IllegalArgumentException("table must not be blank");
    this.table = table;
  }

  @Override
  public void put(Connection connection) {
    Principal principal = connection.principal();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(Keys.PK, s(connectionPartition(connection.connectionId())));
    item.put(Keys.SK, s(CONNECTION_SK));
    item.put("connectionId", s(connection.connectionId()));
    item.put("tenantId", s(principal.tenantId().value()));
    item.put("principalId", s(principal.principalId()));
    item.put("role", s(principal.role().id()));
    item.put("kind", s(principal.kind().name()));
    item.put("connectedAt", s(connection.connectedAt().toString()));
    item.put("expiresAt", n(connection.expiresAt().getEpochSecond()));
    try {
      dynamo.putItem(b -> b.tableName(table).item(item));
    } catch (SdkException e) {
      throw DynamoErrors.failure("store connection " + connection.connectionId(), table, e);
    }
  }

  @Override
  public Optional<Connection> find(String connectionId, Instant now) {
    return item(connectionId).map(DynamoConnections::toConnection).filter(connection -> !connection.expired(now));
  }

  @Override
  public void subscribe(Connection connection, String runId) {
    String id = connection.connectionId();
    Map<String, AttributeValue> subscription = new HashMap<>();
    subscription.put(Keys.PK, s(subscriptionPartition(connection.tenantId(), runId)));
    subscription.put(Keys.SK, s("CONN#" + id));
    subscription.put("connectionId", s(id));
    subscription.put("expiresAt", n(connection.expiresAt().getEpochSecond()));
    try {
      dynamo.putItem(b -> b.tableName(table).item(subscription));
      dynamo.updateItem(b -> b.tableName(table)
          .key(connectionKey(id))
          .conditionExpression("attribute_exists(#pk)")
          .updateExpression("ADD #runs :run")
          .expressionAttributeNames(Map.of("#pk", Keys.PK, "#runs", "runs"))
          .expressionAttributeValues(Map.of(":run", AttributeValue.fromSs(List.of(runId)))));
    } catch (SdkException e) {
      throw DynamoErrors.failure("subscribe connection " + id + " to run " + runId, table, e);
    }
  }

  @Override
  public void unsubscribe(Connection connection, String runId) {
    String id = connection.connectionId();
    try {
      dynamo.deleteItem(b -> b.tableName(table).key(subscriptionKey(connection.tenantId(), runId, id)));
      dynamo.updateItem(b -> b.tableName(table)
          .key(connectionKey(id))
          .conditionExpression("attribute_exists(#pk)")
          .updateExpression("DELETE #runs :run")
          .expressionAttributeNames(Map.of("#pk", Keys.PK, "#runs", "runs"))
          .expressionAttributeValues(Map.of(":run", AttributeValue.fromSs(List.of(runId)))));
    } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
      // the connection was deleted meanwhile: nothing left to unsubscribe
    } catch (SdkException e) {
      throw DynamoErrors.failure("unsubscribe connection " + id + " from run " + runId, table, e);
    }
  }

  @Override
  public Set<String> subscriptions(String connectionId) {
    return item(connectionId)
        .map(item -> item.get("runs"))
        .map(runs -> Set.copyOf(runs.ss()))
        .orElse(Set.of());
  }

  @Override
  public List<String> subscribers(String tenantId, String runId, Instant now) {
    List<String> ids = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    try {
      do {
        Map<String, AttributeValue> from = start;
        QueryResponse page = dynamo.query(QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", Keys.PK))
            .expressionAttributeValues(Map.of(":pk", s(subscriptionPartition(tenantId, runId))))
            .exclusiveStartKey(from)
            .consistentRead(true)
            .build());
        for (Map<String, AttributeValue> item : page.items()) {
          AttributeValue expires = item.get("expiresAt");
          if (expires != null && Long.parseLong(expires.n()) <= now.getEpochSecond()) continue;
          ids.add(item.get("connectionId").s());
        }
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      } while (start != null);
    } catch (SdkException e) {
      throw DynamoErrors.failure("read the subscribers of run " + runId, table, e);
    }
    return ids;
  }

  @Override
  public void delete(String connectionId) {
    Optional<Map<String, AttributeValue>> item = item(connectionId);
    if (item.isEmpty()) return;
    String tenantId = item.get().get("tenantId").s();
    AttributeValue runs = item.get().get("runs");
    try {
      if (runs != null)
        for (String runId : runs.ss())
          dynamo.deleteItem(b -> b.tableName(table).key(subscriptionKey(tenantId, runId, connectionId)));
      dynamo.deleteItem(b -> b.tableName(table).key(connectionKey(connectionId)));
    } catch (SdkException e) {
      throw DynamoErrors.failure("delete connection " + connectionId, table, e);
    }
  }

  private Optional<Map<String, AttributeValue>> item(String connectionId) {
    try {
      var response = dynamo.getItem(b -> b.tableName(table).key(connectionKey(connectionId)).consistentRead(true));
      return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    } catch (SdkException e) {
      throw DynamoErrors.failure("read connection " + connectionId, table, e);
    }
  }

  private static Connection toConnection(Map<String, AttributeValue> item) {
    Principal principal = new Principal(
        TenantId.of(item.get("tenantId").s()),
        item.get("principalId").s(),
        Role.fromId(item.get("role").s()).orElseThrow(),
        PrincipalKind.valueOf(item.get("kind").s()));
    return new Connection(
        item.get("connectionId").s(), principal, Instant.parse(item.get("connectedAt").s()),
        Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())));
  }

  private static String connectionPartition(String connectionId) {
    return "CONN#" + connectionId;
  }

  private static String subscriptionPartition(String tenantId, String runId) {
    return Keys.runPartition(Keys.tenantId(tenantId), runId) + "#SUBSCRIBERS";
  }

  private static Map<String, AttributeValue> connectionKey(String connectionId) {
    return Map.of(Keys.PK, s(connectionPartition(connectionId)), Keys.SK, s(CONNECTION_SK));
  }

  private static Map<String, AttributeValue> subscriptionKey(String tenantId, String runId, String connectionId) {
    return Map.of(Keys.PK, s(subscriptionPartition(tenantId, runId)), Keys.SK, s("CONN#" + connectionId));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
