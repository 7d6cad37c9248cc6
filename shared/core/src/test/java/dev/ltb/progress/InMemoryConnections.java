package dev.ltb.progress;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Connections} in memory, for tests. */
public final class InMemoryConnections implements Connections {

  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> runsByConnection = new ConcurrentHashMap<>();

  @Override
  public void put(Connection connection) {
    connections.put(connection.connectionId(), connection);
  }

  @Override
  public Optional<Connection> find(String connectionId, Instant now) {
    return Optional.ofNullable(connections.get(connectionId)).filter(c -> !c.expired(now));
  }

  @Override
  public void subscribe(Connection connection, String runId) {
    runsByConnection.computeIfAbsent(connection.connectionId(), id -> ConcurrentHashMap.newKeySet()).add(runId);
  }

  @Override
  public void unsubscribe(Connection connection, String runId) {
    Set<String> runs = runsByConnection.get(connection.connectionId());
    if (runs != null) runs.remove(runId);
  }

  @Override
  public Set<String> subscriptions(String connectionId) {
    return Set.copyOf(runsByConnection.getOrDefault(connectionId, Set.of()));
  }

  @Override
  public List<String> subscribers(String tenantId, String runId, Instant now) {
    return connections.values().stream()
        .filter(c -> c.tenantId().equals(tenantId) && !c.expired(now))
        .filter(c -> runsByConnection.getOrDefault(c.connectionId(), Set.of()).contains(runId))
        .map(Connection::connectionId)
        .sorted()
        .toList();
  }

  @Override
  public void delete(String connectionId) {
    connections.remove(connectionId);
    runsByConnection.remove(connectionId);
  }
}
