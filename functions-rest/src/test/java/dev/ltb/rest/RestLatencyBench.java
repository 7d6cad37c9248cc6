package dev.ltb.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.json.Json;
import dev.ltb.rest.ProxyEvents.As;
import dev.ltb.rest.ProxyEvents.Reply;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.testkit.ApiTestPorts;
import dev.ltb.testkit.InMemoryRunHistory;
import dev.ltb.testkit.SampleRuns;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Warm in-process latency of the REST function, from the proxy event's bytes to the answer's bytes, through the
 * handler Lambda calls ({@link InProcessLambda}), over the in-memory ports ({@link TestApiBeans}), so the storage
 * round trip is excluded. {@code GET /health} (no authorizer context, no use case, a 15-byte answer) through the same
 * handler is the baseline: the framework's floor. Calls are interleaved round by round, so the machine's noise
 * falls on all of them alike, and the table gives each call's p50/p95/p99 and its ratio to the baseline.
 *
 * <p>A measurement, not a test: tagged {@code bench} (excluded from the normal build), it prints the table and writes
 * it to {@code target/rest-latency.txt}; it asserts only that the answers are right. Run (see docs/api/rest.md):
 * {@code ./mvnw -o -pl functions-rest -am -Dgroups=bench -Dsurefire.excludedGroups= -Dtest=RestLatencyBench
 * -Dsurefire.failIfNoSpecifiedTests=false test}; {@code -Dltb.bench.rounds=N} changes the sample count.
 */
@QuarkusTest
@Tag("bench")
class RestLatencyBench {

  static final String RUN_ID = "run-latency-bench-0001";
  static final int RESULTS = 1_000, PAGE = 100;
  static final int ROUNDS = Integer.getInteger("ltb.bench.rounds", 3_000);
  static final int WARMUP_ROUNDS = Integer.getInteger("ltb.bench.warmup", ROUNDS);

  record Call(String name, byte[] event, Consumer<Reply> check) {}

  @Test
  void measure() throws IOException {
    InMemoryRunHistory history = seedRunOf1000Results();
    As member = As.member("acme");
    String deepCursor = cursorAfterPages(member, 8);
    List<Call> calls = List.of(
        new Call("GET /health (baseline)", event(null, "/health"), reply -> assertThat(reply.status()).isEqualTo(200)),
        new Call("GET /runs/{id}", event(member, "/runs/" + RUN_ID),
            reply -> assertThat(reply.json().path("runId").asText()).isEqualTo(RUN_ID)),
        new Call("GET /runs/{id}/results, first 100", event(member, "/runs/" + RUN_ID + "/results?limit=" + PAGE),
            reply -> assertThat(reply.json().path("items")).hasSize(PAGE)),
        new Call("GET /runs/{id}/results, items 801-900",
            event(member, "/runs/" + RUN_ID + "/results?limit=" + PAGE + "&cursor=" + deepCursor),
            reply -> assertThat(reply.json().path("items")).hasSize(PAGE)));
    for (Call call : calls) call.check().accept(reply(call.event()));

    String loadBefore = loadAverage();
    for (int round = 0; round < WARMUP_ROUNDS; round++) round(calls, round, null);
    long readBefore = history.resultsRead();
    List<LatencySamples> samples = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) samples.add(new LatencySamples(ROUNDS));
    for (int round = 0; round < ROUNDS; round++) round(calls, round, samples);
    long readPerPage = (history.resultsRead() - readBefore) / (2L * ROUNDS);

    List<String> lines = table(calls, samples);
    lines.add(String.format(Locale.ROOT, "page answer: %,d bytes; results read from the store per page: %d of %,d",
        answer(calls.get(2).event()).length, readPerPage, RESULTS));
    lines.add("JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores; " + ROUNDS
        + " interleaved rounds after " + WARMUP_ROUNDS + " warm-up rounds; load average before " + loadBefore
        + ", after " + loadAverage());
    lines.forEach(System.out::println);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/rest-latency.txt"), lines);
    assertThat(readPerPage).as("a page reads its items and one look-ahead, never the run").isEqualTo(PAGE + 1);
  }

  /** One call of each, starting at a different one each round so no call always follows the same neighbour. */
  private static void round(List<Call> calls, int round, List<LatencySamples> samples) {
    for (int i = 0; i < calls.size(); i++) {
      int which = (round + i) % calls.size();
      var context = InProcessLambda.context();
      long start = System.nanoTime();
      byte[] answer = InProcessLambda.invoke(calls.get(which).event(), context);
      long elapsed = System.nanoTime() - start;
      if (answer.length == 0) throw new IllegalStateException("empty answer from " + calls.get(which).name());
      if (samples != null) samples.get(which).add(elapsed);
    }
  }

  private static List<String> table(List<Call> calls, List<LatencySamples> samples) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-40s %8s %8s %8s %9s %9s", "call", "p50 ms", "p95 ms", "p99 ms",
        "p50 ×base", "p95 ×base"));
    LatencySamples base = samples.getFirst();
    for (int i = 0; i < calls.size(); i++) {
      LatencySamples s = samples.get(i);
      lines.add(String.format(Locale.ROOT, "%-40s %8.3f %8.3f %8.3f %9.1f %9.1f", calls.get(i).name(),
          s.percentileMillis(0.50), s.percentileMillis(0.95), s.percentileMillis(0.99),
          s.percentileMillis(0.50) / base.percentileMillis(0.50), s.percentileMillis(0.95) / base.percentileMillis(0.95)));
    }
    return lines;
  }

  /** A completed run of 1,000 results (2 providers × 500 tests) with its summary, in tenant acme's history. */
  private static InMemoryRunHistory seedRunOf1000Results() {
    InMemoryRunHistory history = TestApiBeans.PORTS.history(ApiTestPorts.ACME);
    var sample = SampleRuns.builder().providers(2).tests(RESULTS / 2);
    history.create(new RunRecord(RUN_ID, "capitals", "suite.yaml", null, RunStatus.COMPLETED, SampleRuns.STARTED_AT,
        SampleRuns.STARTED_AT.plusSeconds(60), RESULTS, sample.summary(), null));
    sample.forEach(result -> history.save(SampleRuns.inRun(RUN_ID, result)));
    return history;
  }

  /** The cursor {@code pages} pages of 100 end with (URL-encoded): the next page starts at item pages × 100 + 1. */
  private static String cursorAfterPages(As member, int pages) {
    String cursor = null;
    for (int i = 0; i < pages; i++) {
      String query = "/runs/" + RUN_ID + "/results?limit=" + PAGE + (cursor == null ? "" : "&cursor=" + cursor);
      cursor = URLEncoder.encode(reply(event(member, query)).json().path("nextCursor").asText(), StandardCharsets.UTF_8);
    }
    return cursor;
  }

  private static byte[] event(As as, String pathAndQuery) {
    try {
      return Json.mapper().writeValueAsBytes(ProxyEvents.event(as, "GET", pathAndQuery, null, Map.of()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] answer(byte[] event) {
    return InProcessLambda.invoke(event, InProcessLambda.context());
  }

  private static Reply reply(byte[] event) {
    return ProxyEvents.reply(new String(answer(event), StandardCharsets.UTF_8));
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
