package dev.ltb.progress;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ConnectionPusher} that records what each connection received; some connections may be gone or failing. */
public final class RecordingPusher implements ConnectionPusher {

  public final Map<String, List<String>> received = new ConcurrentHashMap<>();
  public final Set<String> gone = ConcurrentHashMap.newKeySet();
  public final Set<String> failing = ConcurrentHashMap.newKeySet();

  @Override
  public Result push(String connectionId, String message) {
    if (gone.contains(connectionId)) return Result.GONE;
    if (failing.contains(connectionId)) throw new IllegalStateException("throttled");
    received.computeIfAbsent(connectionId, id -> new CopyOnWriteArrayList<>()).add(message);
    return Result.DELIVERED;
  }

  public List<String> of(String connectionId) {
    return received.getOrDefault(connectionId, List.of());
  }
}
