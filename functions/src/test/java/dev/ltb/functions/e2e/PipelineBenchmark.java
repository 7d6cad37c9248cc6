package dev.ltb.functions.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ltb.local.history.SqliteRunHistory;
import dev.ltb.localcloud.lambda.LambdaFunction;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.pipeline.cost.AwsPriceList;
import dev.ltb.pipeline.cost.InfrastructureCost;
import dev.ltb.pipeline.cost.InfrastructureCostModel;
import dev.ltb.pipeline.cost.PipelineWorkload;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.run.LocalRunner;
import dev.ltb.run.RunListener;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.suite.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench command of the distributed run (docs/performance.md), not a test: it asserts nothing about time.
 * In one process it runs the same 2,000-item suite (1,000 tests × 2 models that answer after 50 ms: a
 * scripted one and an OpenAI-compatible server) through {@code LocalRunner} (what {@code ltb run} does) and
 * from StartExecution to the end on the local cloud (4 workers, 50-item shards), after a warm-up of both,
 * and prints wall times, their ratio, the worker's in-shard throughput and what the measured worker duration
 * costs in AWS by the infrastructure cost model.
 *
 * <pre>./mvnw -pl functions -am verify -Dgroups=bench -Dsurefire.excludedGroups= -Dtest=PipelineBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("bench")
class PipelineBenchmark {

  private static final int WORKERS = 4;
  private static final int ITEM_CONCURRENCY = 8;
  private static final int LATENCY_MS = 50;

  @Test
  void distributedRunAgainstLtbRun(@TempDir Path tmp) throws Exception {
    WireMockServer llm = new WireMockServer(options().dynamicPort().containerThreads(64));
    WireMockServer secrets = new WireMockServer(options().dynamicPort());
    llm.start();
    secrets.start();
    llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(ProviderFixtures.load("openai-chat-completions").body())
        .withFixedDelay(LATENCY_MS)));
    secrets.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
    System.setProperty("aws.endpointUrlSecretsManager", secrets.baseUrl());
    List<long[]> shardTimings = new CopyOnWriteArrayList<>(); // {nanos, items} per worker invocation
    StringBuilder report = new StringBuilder();
    try (LocalPipeline pipeline =
        LocalPipeline.start(endpoint -> endpoint, WORKERS, WorkerSettings.defaults())) {
      pipeline.wrapWorker(worker -> timed(worker, shardTimings));
      pipeline.killWorkers(); // replace the untimed workers started with the pipeline
      pipeline.startWorkers();

      String base = llm.baseUrl() + "/v1";
      cloudRun(pipeline, "warmup-cloud", suite(100, base));
      localRun(pipeline, tmp.resolve("warmup.db"), suite(100, base), ITEM_CONCURRENCY);
      shardTimings.clear();

      long local8 = localRun(pipeline, tmp.resolve("local8.db"), suite(1_000, base), ITEM_CONCURRENCY);
      long local32 = localRun(pipeline, tmp.resolve("local32.db"), suite(1_000, base), WORKERS * ITEM_CONCURRENCY);
      long dynamoCpu = cpuMillis(pipeline.cloud().pid(dev.ltb.localcloud.Service.DYNAMODB));
      long sfnCpu = cpuMillis(pipeline.cloud().pid(dev.ltb.localcloud.Service.STEP_FUNCTIONS));
      long jvmCpu = cpuMillis(ProcessHandle.current().pid());
      long cloud = cloudRun(pipeline, "bench-2000", suite(1_000, base));
      dynamoCpu = cpuMillis(pipeline.cloud().pid(dev.ltb.localcloud.Service.DYNAMODB)) - dynamoCpu;
      sfnCpu = cpuMillis(pipeline.cloud().pid(dev.ltb.localcloud.Service.STEP_FUNCTIONS)) - sfnCpu;
      jvmCpu = cpuMillis(ProcessHandle.current().pid()) - jvmCpu;

      List<Double> secondsPerShard = new ArrayList<>();
      long items = 0;
      long nanos = 0;
      for (long[] timing : shardTimings) {
        secondsPerShard.add(timing[0] / 1e9);
        nanos += timing[0];
        items += 50;
      }
      Collections.sort(secondsPerShard);
      double meanShard = secondsPerShard.stream().mapToDouble(d -> d).average().orElse(0);
      InfrastructureCost cost =
          InfrastructureCostModel.estimate(PipelineWorkload.planningDefaults().withWorker(meanShard, 512),
              AwsPriceList.US_EAST_1);

      report.append("pipeline benchmark: 2,000 items (1,000 tests x 2 models answering after ").append(LATENCY_MS)
          .append(" ms)\n");
      report.append(String.format("ltb run (LocalRunner, concurrency %d):          %6.2f s%n", ITEM_CONCURRENCY, local8 / 1e9));
      report.append(String.format("ltb run (LocalRunner, concurrency %d):         %6.2f s%n", WORKERS * ITEM_CONCURRENCY, local32 / 1e9));
      report.append(String.format("local cloud (%d workers x concurrency %d):      %6.2f s%n", WORKERS, ITEM_CONCURRENCY, cloud / 1e9));
      report.append(String.format("ratio cloud / ltb run (same concurrency %d):   %6.2f%n", WORKERS * ITEM_CONCURRENCY, (double) cloud / local32));
      report.append(String.format("ratio cloud / ltb run (concurrency %d):         %6.2f%n", ITEM_CONCURRENCY, (double) cloud / local8));
      report.append(String.format("worker: %d shards, per shard p50 %.2f s, max %.2f s, mean %.2f s%n", secondsPerShard.size(),
          secondsPerShard.get(secondsPerShard.size() / 2), secondsPerShard.getLast(), meanShard));
      report.append(String.format("worker in-shard throughput: %.1f items/s per worker (I/O bound: %.1f)%n",
          items / (nanos / 1e9), ITEM_CONCURRENCY * 1000.0 / LATENCY_MS));
      report.append(String.format("cost model (%s, prices of %s), worker %.2f s/shard at 512 MB: $%.4f per 1,000 items,"
              + " $%.2f per 1,000,000 items%n", cost.prices().region(), cost.prices().checkedOn(), meanShard,
          cost.perThousandItems(), cost.perMillionItems()));
      report.append(String.format("CPU during the cloud run: this JVM (workers, SQS, S3, WireMock) %.1f s,"
          + " DynamoDB emulator (Node) %.1f s, Step Functions server (Node) %.1f s%n", jvmCpu / 1e3, dynamoCpu / 1e3,
          sfnCpu / 1e3));
      report.append(String.format("JVM: %d cores, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20));
    } finally {
      System.clearProperty("aws.endpointUrlSecretsManager");
      llm.stop();
      secrets.stop();
    }
    System.out.println(report);
    Files.writeString(Path.of("target", "pipeline-benchmark.txt"), report);
  }

  private static long localRun(LocalPipeline pipeline, Path db, String yaml, int concurrency) throws Exception {
    Suite suite = pipeline.wiring().suiteLoader().parse(yaml, "bench.yaml", null);
    suite = suite.withOptions(suite.options().withMaxConcurrency(concurrency));
    try (SqliteRunHistory history = SqliteRunHistory.open(db)) {
      long start = System.nanoTime();
      RunRecord run = new LocalRunner(history, pipeline.wiring().engine()).run(suite, RunListener.NONE, () -> false);
      long elapsed = System.nanoTime() - start;
      if (run.status() != RunStatus.COMPLETED) throw new AssertionError("local run " + run.status() + ": " + run.statusReason());
      return elapsed;
    }
  }

  private static long cloudRun(LocalPipeline pipeline, String runId, String yaml) throws Exception {
    long start = System.nanoTime();
    String execution = pipeline.start(runId, yaml, Map.of("maxConcurrency", WORKERS));
    var ended = pipeline.awaitEnd(execution, Duration.ofMinutes(10));
    long elapsed = System.nanoTime() - start;
    RunRecord run = pipeline.history().find(runId).orElseThrow();
    if (run.status() != RunStatus.COMPLETED) throw new AssertionError("cloud run " + ended.status() + " " + run.statusReason());
    return elapsed;
  }

  /** User + system CPU time of a process so far (Linux {@code /proc/<pid>/stat}, clock ticks of 10 ms). */
  private static long cpuMillis(long pid) throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  private static LambdaFunction timed(LambdaFunction worker, List<long[]> timings) {
    return (payload, context) -> {
      long start = System.nanoTime();
      byte[] result = worker.invoke(payload, context);
      timings.add(new long[] {System.nanoTime() - start});
      return result;
    };
  }

  private static String suite(int tests, String openAiBaseUrl) {
    StringBuilder yaml = new StringBuilder("description: pipeline benchmark\n");
    yaml.append("prompts: [\"Answer briefly. Question {{n}}: is {{n}} divisible by three?\"]\n");
    yaml.append("providers:\n");
    yaml.append("  - id: scripted:m\n    config: {responses: {default: \"yes\"}, latencyMs: ").append(LATENCY_MS).append("}\n");
    yaml.append("  - id: openai:chat:gpt-4o-mini\n    config: {apiBaseUrl: \"").append(openAiBaseUrl).append("\"}\n");
    yaml.append("options: {shardSize: 50, maxConcurrency: ").append(ITEM_CONCURRENCY).append("}\n");
    yaml.append("tests:\n");
    for (int i = 0; i < tests; i++)
      yaml.append("  - vars: {n: \"").append(i).append("\"}\n    assert: [{type: icontains, value: \"yes\"}]\n");
    return yaml.toString();
  }
}
