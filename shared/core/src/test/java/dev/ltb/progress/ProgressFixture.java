package dev.ltb.progress;

import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.InMemoryAuditLog;
import dev.ltb.pipeline.InMemoryRunHistory;
import dev.ltb.pipeline.RunEvent;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.security.AccessControl;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Two tenants' histories and event logs in memory, sessions and a publisher over them. */
final class ProgressFixture {

  static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");
  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  final Map<String, InMemoryRunHistory> histories = new ConcurrentHashMap<>();
  final Map<String, List<RunEvent>> logs = new ConcurrentHashMap<>();
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final InMemoryConnections connections = new InMemoryConnections();
  final RecordingPusher pusher = new RecordingPusher();
  final RunEventLog log = (tenant, run) -> List.copyOf(logs.getOrDefault(tenant + "/" + run, List.of()));
  final WebSocketSessions sessions =
      new WebSocketSessions(connections, tenant -> histories.computeIfAbsent(tenant, t -> new InMemoryRunHistory()), log,
          new AccessControl(new AuditRecorder(audit, clock)), clock);
  final ProgressPublisher publisher =
      new ProgressPublisher(log, List.of(new WebSocketSink(connections, pusher, clock)));

  static Principal principal(String tenant) {
    return new Principal(TenantId.of(tenant), "key:k-" + tenant, Role.SERVICE, PrincipalKind.API_KEY);
  }

  void createRun(String tenant, String runId) {
    histories.computeIfAbsent(tenant, t -> new InMemoryRunHistory())
        .create(new RunRecord(runId, "test", "inline", null, RunStatus.RUNNING, T0, null, 8, null, null));
  }

  /** Appends the event to the run's log as the pipeline would, and returns it. */
  RunEvent event(String tenant, String runId, String type, int second, Map<String, Object> data) {
    RunEvent event = new RunEvent(tenant, runId, type, T0.plusSeconds(second), data);
    logs.computeIfAbsent(tenant + "/" + runId, k -> new CopyOnWriteArrayList<>()).add(event);
    return event;
  }

  static Map<String, Object> shard(int index, int passed, int failed, int errors) {
    return Map.of("shardIndex", index, "executed", passed + failed + errors, "skipped", 0, "passed", passed,
        "failed", failed, "errors", errors, "costUsd", 0.01);
  }
}
