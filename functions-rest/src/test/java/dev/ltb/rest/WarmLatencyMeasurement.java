package dev.ltb.rest;

import static dev.ltb.rest.ProxyEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.api.Caller;
import dev.ltb.api.StartRun;
import dev.ltb.rest.ProxyEvents.As;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.security.Role;
import dev.ltb.testkit.ApiTestPorts;
import dev.ltb.testkit.SampleRuns;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Warm latency of {@code GET /runs/{id}} and of a 100-item results page, through the whole proxy path (event JSON →
 * RESTEasy → use case → JSON → proxy response) with in-memory storage, so the storage round trip is excluded. It
 * includes the local HTTP hop to Quarkus' mock event server, so the figures are an upper bound of the handler's own
 * time. Prints p50/p95/p99; asserts only that the answers are right (timings vary with the machine).
 */
@QuarkusTest
@Tag("slow")
class WarmLatencyMeasurement {

  static final int WARMUP = 200, SAMPLES = 500;

  @Test
  void getRunAndAResultsPageOf100() {
    Caller acme = ApiTestPorts.caller(ApiTestPorts.ACME, Role.MEMBER);
    String runId = TestApiBeans.PORTS.services.runs().start(acme, StartRun.inline(ApiTestPorts.echoSuite(1), null))
        .runId();
    var sample = SampleRuns.builder().tests(400).build(); // 1,200 results: pages never load the whole run
    var history = TestApiBeans.PORTS.history(ApiTestPorts.ACME);
    history.create(new RunRecord(SampleRuns.RUN_ID, "capitals", "suite.yaml", null, RunStatus.COMPLETED,
        SampleRuns.STARTED_AT, SampleRuns.STARTED_AT, sample.results().size(), sample.summary(), null));
    sample.forEach(history::save);
    As member = As.member("acme");

    print("GET /runs/{id}", measure(() -> assertThat(send(member, "GET", "/runs/" + runId, null).status()).isEqualTo(200)));
    print("GET /runs/{id}/results?limit=100", measure(() -> assertThat(
        send(member, "GET", "/runs/" + SampleRuns.RUN_ID + "/results?limit=100", null).json().path("items").size())
        .isEqualTo(100)));
  }

  private static long[] measure(Runnable call) {
    for (int i = 0; i < WARMUP; i++) call.run();
    long[] micros = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      call.run();
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    Arrays.sort(micros);
    return micros;
  }

  private static void print(String what, long[] sorted) {
    System.out.printf("LATENCY %s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d warm samples)%n", what,
        sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.95)] / 1000.0,
        sorted[(int) (sorted.length * 0.99)] / 1000.0, sorted.length);
  }
}
