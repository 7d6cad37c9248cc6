package dev.ltb.progress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: open WebSocket connections and which runs each follows. A subscription is stored under the
 * connection's tenant and the run id, so the publisher finds a run's subscribers with one look-up and never
 * those of another tenant's run with the same id. Connections past their {@link Connection#expiresAt()} count
 * as gone even if the store has not removed them yet.
 */
public interface Connections {

  void put(Connection connection);

  /** The connection, unless unknown or expired at {@code now}. */
  Optional<Connection> find(String connectionId, Instant now);

  /** Adds the run to the connection's subscriptions (idempotent). */
  void subscribe(Connection connection, String runId);

  /** Removes the run from the connection's subscriptions (idempotent). */
  void unsubscribe(Connection connection, String runId);

  /** The run ids the connection follows. */
  Set<String> subscriptions(String connectionId);

  /** Ids of the live connections of the tenant that follow the run. */
  List<String> subscribers(String tenantId, String runId, Instant now);

  /** Forgets the connection and all its subscriptions (idempotent). */
  void delete(String connectionId);
}
