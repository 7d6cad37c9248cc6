package dev.ltb.functions.graphql;

import static dev.ltb.functions.graphql.GraphqlFixture.ACME;
import static dev.ltb.functions.graphql.GraphqlFixture.event;
import static dev.ltb.functions.graphql.GraphqlFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ltb.json.Json;
import dev.ltb.run.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Warm in-process latency of the graphql handler, from event bytes to answer bytes, over in-memory storage (so
 * the storage round trip is excluded): {@code Query.run}, a {@code Query.results} page of 100, and a {@code
 * Run.summary} batch of 25. A measurement, not a test: tagged {@code bench} (excluded from the normal build),
 * it prints the figures and writes them to {@code target/graphql-latency.txt}; it asserts only that the answers
 * are right. Run: {@code ./mvnw -pl functions -am -Dgroups=bench -Dsurefire.excludedGroups= -Dtest=GraphqlLatencyBench
 * -Dsurefire.failIfNoSpecifiedTests=false test}.
 */
@Tag("bench")
class GraphqlLatencyBench {

  private static final int WARMUP = 3_000;
  private static final int SAMPLES = 3_000;

  @Test
  void measure() throws IOException {
    GraphqlFixture f = new GraphqlFixture();
    List<RunRecord> runs = new ArrayList<>();
    for (int i = 0; i < 25; i++) runs.add(f.completedRun(ACME, 4));
    RunRecord big = f.completedRun(ACME, 500);
    JsonNode identity = user(ACME, "viewer");

    byte[] run = Json.mapper().writeValueAsBytes(event("Query", "run", Map.of("runId", big.runId()), null, identity));
    byte[] page =
        Json.mapper().writeValueAsBytes(event("Query", "results", Map.of("runId", big.runId(), "limit", 100), null, identity));
    ArrayNode batch = Json.mapper().createArrayNode();
    for (RunRecord r : runs)
      batch.add(event("Run", "summary", Map.of(), Map.of("runId", r.runId(), "hasSummary", true), identity));
    byte[] summaries = Json.mapper().writeValueAsBytes(batch);

    assertThat(Json.mapper().readTree(invoke(f, run)).get("runId").asText()).isEqualTo(big.runId());
    assertThat(Json.mapper().readTree(invoke(f, page)).get("items")).hasSize(100);
    assertThat(Json.mapper().readTree(invoke(f, summaries))).hasSize(25).allSatisfy(s -> assertThat(s.get("totals")).isNotNull());

    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-28s %9s %9s %9s", "operation", "p50 ms", "p95 ms", "p99 ms"));
    lines.add(line("Query.run", measure(() -> invoke(f, run))));
    lines.add(line("Query.results (page of 100)", measure(() -> invoke(f, page))));
    lines.add(line("Run.summary (batch of 25)", measure(() -> invoke(f, summaries))));
    lines.add("JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
        + SAMPLES + " samples after " + WARMUP + " warm-up calls each");
    lines.forEach(System.out::println);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/graphql-latency.txt"), lines);
  }

  private static String invoke(GraphqlFixture f, byte[] event) {
    return f.invokeBytes(event);
  }

  private static long[] measure(Supplier<String> call) {
    for (int i = 0; i < WARMUP; i++) call.get();
    long[] nanos = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      String answer = call.get();
      nanos[i] = System.nanoTime() - start;
      if (answer.isEmpty()) throw new IllegalStateException("empty answer");
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static String line(String name, long[] sorted) {
    return String.format(Locale.ROOT, "%-28s %9.3f %9.3f %9.3f", name, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99));
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
