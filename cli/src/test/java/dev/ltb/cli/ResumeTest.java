package dev.ltb.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunListener;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.suite.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted run continues with {@code ltb run --resume}: finished items are not sent to the provider
 * again, and the summary counts every item exactly once.
 */
class ResumeTest {

  @TempDir Path dir;
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withFixedDelay(5)
            .withBody("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1732780800,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}""")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void resumeRunsOnlyTheItemsThatHaveNoResult() throws Exception {
    Path suiteFile = dir.resolve("suite.yaml");
    Files.writeString(suiteFile, """
        description: resume me
        prompts: ["Say hello to {{name}}"]
        providers:
          - id: openai:chat:gpt-4o-mini
            config: {apiBaseUrl: "%s/v1", apiKey: sk-test-resume-0000}
        tests:
          - vars: {name: [Ada, Alan, Grace, Edsger, Barbara, Donald, John, Margaret, Ken, Dennis, Linus, Guido,
                          Niklaus, Tony, Leslie, Frances, Radia, Shafi, Silvio, Judea]}
            assert: [{type: icontains, value: hello}]
        options: {maxConcurrency: 2}
        """.formatted(server.baseUrl()));
    Path history = dir.resolve("h.db");
    Services services = new Services();
    Suite suite = services.suiteLoader().load(suiteFile);
    HistoryOption option = new HistoryOption();
    option.file = history;

    String runId;
    try (RunHistory runs = services.openHistory(option)) {
      AtomicInteger seen = new AtomicInteger();
      RunListener counting = new RunListener() {
        @Override
        public void result(dev.ltb.engine.ItemResult result) {
          seen.incrementAndGet();
        }
      };
      RunRecord interrupted = services.runner(runs, dir).run(suite, counting, () -> seen.get() >= 7);
      runId = interrupted.runId();
      assertThat(interrupted.status()).isEqualTo(RunStatus.PARTIAL);
      assertThat(interrupted.summary().totals().items()).isBetween(7L, 9L);
    }
    int callsBefore = server.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions")).build()).getCount();

    var resumed = new CliRunner(history).run("run", "--resume", runId, "--no-progress");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Run " + runId + ": COMPLETED", "Total: 20 items, 20 passed");
    server.verify(20, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    assertThat(callsBefore).isLessThan(20);
  }
}
