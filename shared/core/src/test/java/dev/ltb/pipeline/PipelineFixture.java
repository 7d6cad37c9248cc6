package dev.ltb.pipeline;

import dev.ltb.engine.RetrySettings;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluatorInventory;
import dev.ltb.evaluator.EvaluatorRegistry;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.run.RunEngine;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteVocabulary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** The pipeline's steps wired to in-memory ports, with the real engine, providers and evaluators. */
final class PipelineFixture {

  static final String TENANT = "acme";

  final InMemoryRunHistory history = new InMemoryRunHistory();
  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final RecordingCallbacks callbacks = new RecordingCallbacks();
  final List<RunEvent> events = new CopyOnWriteArrayList<>();
  final List<RunRef> stoppedExecutions = new CopyOnWriteArrayList<>();
  final RunHistories histories = tenant -> {
    if (!tenant.equals(TENANT)) throw new IllegalArgumentException("unexpected tenant " + tenant);
    return history;
  };
  final EvaluatorRegistry evaluators = BuiltInEvaluators.registry();
  final ProviderRegistry providers = BuiltInProviders.registry();
  final RunEngine engine =
      new RunEngine(
          providers, ProviderContext.defaults(Path.of(".")), new AssertionRunner(evaluators)::run,
          suite -> EvaluatorInventory.of(suite, evaluators),
          new RetrySettings(Duration.ofMillis(1), Duration.ofMillis(5), 0.1, Duration.ofMillis(10)),
          Clock.systemUTC());

  SuiteLoader loader() {
    var requiringValue =
        evaluators.descriptors().stream().filter(d -> d.valueRequired()).map(d -> d.id()).collect(Collectors.toSet());
    return new SuiteLoader(new SuiteVocabulary(evaluators.ids(), requiringValue, providers::supports));
  }

  PlanStep plan() {
    return new PlanStep(histories, blobs, loader(), events::add, Clock.systemUTC());
  }

  ShardWorker worker(WorkerSettings settings) {
    return new ShardWorker(histories, blobs, callbacks, events::add, engine, settings, result -> {});
  }

  AggregateStep aggregate() {
    return new AggregateStep(histories, blobs, engine);
  }

  NotifyStep notifyStep() {
    return new NotifyStep(histories, events::add, Clock.systemUTC());
  }

  CancelStep cancel() {
    return new CancelStep(histories, blobs, engine, (run, cause) -> stoppedExecutions.add(run), notifyStep());
  }

  MarkFailedStep markFailed() {
    return new MarkFailedStep(histories, notifyStep(), Clock.systemUTC());
  }

  /** Stores the suite text under the tenant and plans run {@code runId}. */
  PlannedRun planRun(String runId, String suiteYaml) {
    String key = "tenants/" + TENANT + "/suites/" + runId + "/suite.yaml";
    blobs.putText(key, suiteYaml);
    return plan().plan(new PlanRequest(TENANT, runId, key, null, null, null, null));
  }

  /** A suite of {@code tests} questions × 2 scripted models, {@code shardSize} items per shard. */
  static String suite(int tests, int shardSize, String extraWeakConfig) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("description: pipeline test\n");
    yaml.append("prompts: [\"Q: {{question}}\"]\n");
    yaml.append("providers:\n");
    yaml.append("  - id: scripted:strong\n    config:\n      matchVar: question\n      responses: {default: \"42\"}\n");
    yaml.append("  - id: scripted:weak\n    config:\n      matchVar: question\n      responses: {default: \"forty\"}\n");
    yaml.append(extraWeakConfig.indent(6));
    yaml.append("options: {shardSize: ").append(shardSize).append(", maxConcurrency: 4, maxRetries: 1}\n");
    yaml.append("tests:\n");
    for (int i = 0; i < tests; i++) {
      yaml.append("  - vars: {question: \"question ").append(i).append("\"}\n");
      yaml.append("    assert: [{type: equals, value: \"42\"}]\n");
    }
    return yaml.toString();
  }

  static ShardTask task(String runId, int shard) {
    return new ShardTask(TENANT, runId, shard, "token-" + runId + "-" + shard);
  }
}
