package dev.ltb.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what workers reported, as a waiting state machine would see it. */
public final class RecordingCallbacks implements ShardCallbacks {

  public record Report(String taskToken, String outputJson, String error, String cause) {}

  public final List<Report> reports = new CopyOnWriteArrayList<>();
  public final AtomicInteger heartbeats = new AtomicInteger();

  @Override
  public void succeeded(String taskToken, String outputJson) {
    reports.add(new Report(taskToken, outputJson, null, null));
  }

  @Override
  public void failed(String taskToken, String error, String cause) {
    reports.add(new Report(taskToken, null, error, cause));
  }

  @Override
  public void heartbeat(String taskToken) {
    heartbeats.incrementAndGet();
  }
}
