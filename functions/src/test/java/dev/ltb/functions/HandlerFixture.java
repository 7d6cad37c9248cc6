package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.ltb.pipeline.InMemoryBlobStore;
import dev.ltb.pipeline.InMemoryRunHistory;
import dev.ltb.pipeline.RecordingCallbacks;
import dev.ltb.pipeline.RunEvent;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.pipeline.RunRef;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.provider.SecretResolver;
import dev.ltb.pipeline.CloudPlugins;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.run.RunEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * The handlers built the way {@link CoreBeans} builds them, over in-memory ports (the end-to-end tests use
 * the AWS adapters on the local cloud), and invoked with JSON bytes as Lambda invokes them.
 */
final class HandlerFixture {

  private static final PluginRuntime PLUGIN_RUNTIME = new CoreBeans().pluginRuntime();

  final InMemoryRunHistory history = new InMemoryRunHistory();
  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final RecordingCallbacks callbacks = new RecordingCallbacks();
  final List<RunEvent> events = new CopyOnWriteArrayList<>();
  final List<RunRef> stopped = new CopyOnWriteArrayList<>();
  final RunHistories histories = tenant -> history;
  private final CoreBeans beans = new CoreBeans();
  private final Clock clock = Clock.systemUTC();
  final RunEngine engine =
      beans.engine(beans.providers(), beans.providerContext(SecretResolver.of(Map.of())), clock);
  final CloudPlugins plugins =
      beans.plugins(engine, beans.providers(), beans.providerContext(SecretResolver.of(Map.of())), PLUGIN_RUNTIME, blobs);
  final WorkerSettings settings = WorkerSettings.defaults();
  final WorkerMetrics metrics = new WorkerMetrics(MetricsFactory.getMetricsInstance());

  PlanHandler plan() {
    return new PlanHandler(beans.plan(histories, blobs, beans.suiteLoader(beans.providers()), plugins, events::add, clock));
  }

  WorkerHandler worker() {
    return new WorkerHandler(
        beans.worker(histories, blobs, callbacks, events::add, plugins, engine, tenant -> SecretResolver.of(Map.of()), settings, metrics), settings, metrics);
  }

  AggregateHandler aggregate() {
    return new AggregateHandler(beans.aggregate(histories, blobs, plugins));
  }

  MarkFailedHandler markFailed() {
    return new MarkFailedHandler(beans.markFailed(histories, beans.notifyStep(histories, events::add, clock), clock));
  }

  CancelHandler cancel() {
    return new CancelHandler(
        beans.cancel(histories, blobs, plugins, (run, cause) -> stopped.add(run),
            beans.notifyStep(histories, events::add, clock)));
  }

  static String invoke(RequestStreamHandler handler, String json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static String resource(String name) {
    try (InputStream in = HandlerFixture.class.getResourceAsStream("/events/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String suite(int tests) {
    StringBuilder yaml = new StringBuilder("description: handler test\nprompts: [\"Q: {{q}}\"]\nproviders:\n");
    yaml.append("  - id: scripted:a\n    config: {responses: {default: \"yes\"}}\n");
    yaml.append("options: {shardSize: 4}\ntests:\n");
    for (int i = 0; i < tests; i++) yaml.append("  - vars: {q: \"").append(i).append("\"}\n    assert: [{type: equals, value: \"yes\"}]\n");
    return yaml.toString();
  }
}
