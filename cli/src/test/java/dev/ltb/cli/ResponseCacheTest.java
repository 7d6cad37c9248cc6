package dev.ltb.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ltb run} answers a repeated call from the response cache, unless told not to or {@code repeat} > 1. */
class ResponseCacheTest {

  private static final String PATH = "/v1/chat/completions";

  @TempDir Path dir;
  private WireMockServer server;
  private Path suite;
  private CliRunner ltb;

  @BeforeEach
  void start() throws IOException {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(post(urlEqualTo(PATH))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1732780800,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}""")));
    suite = dir.resolve("suite.yaml");
    Files.writeString(suite, """
        description: cache me
        prompts: ["Say hello to {{name}}"]
        providers:
          - id: openai:chat:gpt-4o-mini
            config: {apiBaseUrl: "%s/v1", apiKey: sk-test-cache-0000, temperature: 0}
        tests:
          - vars: {name: [Ada, Alan, Grace, Edsger, Barbara]}
            assert: [{type: icontains, value: hello}]
        """.formatted(server.baseUrl()));
    ltb = new CliRunner(dir.resolve("h.db"));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void runningASuiteAgainCallsTheProviderOncePerItem() throws IOException {
    var first = ltb.run("run", suite.toString(), "--no-progress");
    var second = ltb.run("run", suite.toString(), "--no-progress");

    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
    assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.OK);
    server.verify(5, postRequestedFor(urlEqualTo(PATH)));
    assertThat(first.out()).doesNotContain("response cache");
    assertThat(second.out()).contains("5 answer(s) from the response cache; --no-cache calls every provider");
    try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
      assertThat(files.filter(file -> file.toString().endsWith(".json"))).hasSize(5);
    }
  }

  @Test
  void noCacheCallsEveryProviderAgain() {
    ltb.run("run", suite.toString(), "--no-progress");

    var again = ltb.run("run", suite.toString(), "--no-progress", "--no-cache");

    assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
    server.verify(10, postRequestedFor(urlEqualTo(PATH)));
    assertThat(again.out()).doesNotContain("response cache");
  }

  @Test
  void repeatedItemsAreIndependentSamplesSoTheyBypassTheCache() {
    ltb.run("run", suite.toString(), "--no-progress");

    var repeated = ltb.run("run", suite.toString(), "--no-progress", "--repeat", "2");

    assertThat(repeated.exitCode()).as(repeated.err()).isEqualTo(ExitCodes.OK);
    server.verify(5 + 10, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aCacheDirectoryCanBeChosen() {
    Path chosen = dir.resolve("elsewhere");

    ltb.run("run", suite.toString(), "--no-progress", "--cache-dir", chosen.toString());
    ltb.run("run", suite.toString(), "--no-progress", "--cache-dir", chosen.toString());

    server.verify(5, postRequestedFor(urlEqualTo(PATH)));
    assertThat(chosen).isDirectoryContaining(path -> path.getFileName().toString().length() == 2);
  }

  @Test
  void aTtlBelowOneDayIsRejected() {
    var result = ltb.run("run", suite.toString(), "--cache-ttl-days", "0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("--cache-ttl-days must be at least 1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          default           | none     | none      | none    | /work/.ltb/cache
          LTB_HOME          | none     | none      | /home/x | /home/x/cache
          LTB_CACHE_DIR     | none     | tmp/cache | /home/x | /work/tmp/cache
          --cache-dir wins  | /c       | tmp/cache | /home/x | /c
          """)
  void theDirectoryComesFromTheOptionThenTheEnvironment(
      String why, String option, String cacheVariable, String home, String expected) {
    CacheOption cache = new CacheOption();
    cache.directory = option == null ? null : Path.of(option);
    Map<String, String> environment = new HashMap<>();
    if (cacheVariable != null) environment.put("LTB_CACHE_DIR", cacheVariable);
    if (home != null) environment.put("LTB_HOME", home);

    assertThat(cache.directory(Path.of("/work"), environment)).isEqualTo(Path.of(expected));
  }
}
