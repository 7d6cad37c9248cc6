package dev.ltb.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.RunOptions;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine and a real HTTP provider against a server that answers 429 and 500 before it answers: the
 * engine backs off (honouring Retry-After), retries, and the item passes; when the server never recovers,
 * the item is an error of the right kind and the run goes on.
 */
class RetryOverHttpTest {

  private static final RetrySettings QUICK =
      new RetrySettings(Duration.ofMillis(10), Duration.ofMillis(50), 0.2, Duration.ofSeconds(2));

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static String fixture(String name) {
    return ProviderFixtures.load(name).body();
  }

  private List<ItemResult> run(int tests) {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("apiBaseUrl", server.baseUrl() + "/v1");
    config.put("apiKey", "sk-test-retry-key-0000");
    ProviderSpec spec = new ProviderSpec("openai:chat:gpt-4o-mini", null, config, null);
    Suite suite =
        new Suite(
            "retries",
            List.of(new Prompt("p0", null, "Say hello {{n}}")),
            List.of(spec),
            java.util.stream.IntStream.range(0, tests)
                .mapToObj(i -> new TestCase(null, Map.of("n", i),
                    List.of(new Assertion("icontains", false, TextNode.valueOf("hello"), null, 1, null, null)), null,
                    null))
                .toList(),
            new RunOptions(1, 1, Duration.ofSeconds(20), 3, 50, null),
            "test");
    Provider provider = BuiltInProviders.registry().create(spec, ProviderContext.defaults(Path.of(".")));
    AssertionRunner assertions = new AssertionRunner(BuiltInEvaluators.registry());
    List<ItemResult> results = new CopyOnWriteArrayList<>();
    try (ShardExecutor executor = ShardExecutor.builder(suite, List.of(provider), assertions::run).retry(QUICK).build()) {
      executor.execute("run", new Planner().plan("run", suite).items()::iterator, id -> false, results::add);
    }
    return results;
  }

  @Test
  void backsOffOnRateLimitAndServerErrorThenPasses() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withHeader("Content-Type", "application/json").withBody(fixture("openai-error-429-rate-limit")))
        .willSetStateTo("after-429"));
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("flaky")
        .whenScenarioStateIs("after-429")
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"))
        .willSetStateTo("recovered"));
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("flaky")
        .whenScenarioStateIs("recovered")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(fixture("openai-chat-completions"))));

    long start = System.nanoTime();
    List<ItemResult> results = run(1);

    assertThat(results).singleElement().satisfies(result -> {
      assertThat(result.status()).as(result.reason()).isEqualTo(ItemStatus.PASS);
      assertThat(result.attempts()).isEqualTo(3);
    });
    server.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Retry-After: 1 was honoured")
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void aServerThatNeverRecoversLeavesAnErrorOnItsItemsAndTheRunFinishes() {
    server.stubFor(post(urlEqualTo("/v1/chat/completions"))
        .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"message\":\"overloaded\"}}")));

    List<ItemResult> results = run(2);

    assertThat(results).hasSize(2).allSatisfy(result -> {
      assertThat(result.status()).isEqualTo(ItemStatus.ERROR);
      assertThat(result.error().kind()).isEqualTo("server-error");
      assertThat(result.attempts()).isEqualTo(4);
    });
    server.verify(8, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }
}
