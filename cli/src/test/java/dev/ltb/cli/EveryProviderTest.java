package dev.ltb.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ltb.provider.ProviderFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ltb run} works with every HTTP provider family against a fake server answering with that vendor's
 * documented response: the request reaches the vendor's path, the answer is parsed, judged and stored.
 */
class EveryProviderTest {

  @TempDir Path dir;
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

  static Stream<Arguments> providers() {
    return Stream.of(
        Arguments.of("openai:chat:gpt-4o-mini", "/v1", "openai-chat-completions", "/v1/chat/completions"),
        Arguments.of("anthropic:messages:claude-3-5-haiku-latest", "", "anthropic-messages", "/v1/messages"),
        Arguments.of("gemini:gemini-2.0-flash", "/v1beta", "gemini-generate-content",
            "/v1beta/models/gemini-2.0-flash:generateContent"),
        Arguments.of("google:gemini-2.0-flash", "/v1beta", "gemini-generate-content",
            "/v1beta/models/gemini-2.0-flash:generateContent"),
        Arguments.of("cohere:command-r-plus", "", "cohere-chat-v2", "/v2/chat"),
        Arguments.of("mistral:mistral-small-latest", "", "mistral-chat-completions", "/v1/chat/completions"),
        Arguments.of("ollama:chat:llama3.2", "", "ollama-chat", "/api/chat"),
        Arguments.of("llamacpp:local", "", "openai-chat-completions", "/v1/chat/completions"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void runsASuiteAgainstTheVendorsDocumentedAnswer(String id, String base, String fixture, String path)
      throws Exception {
    server.stubFor(any(anyUrl()).willReturn(ProviderFixtures.load(fixture).response()));
    String extra = id.startsWith("llamacpp") ? ", api: chat" : "";
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, """
        prompts: ["Say something about {{topic}}"]
        providers:
          - id: "%s"
            config: {apiBaseUrl: "%s%s", apiKey: test-key-not-real%s}
        tests:
          - vars: {topic: testing}
            assert:
              - type: not-icontains
                value: "zz-never-said-zz"
        """.formatted(id, server.baseUrl(), base, extra));

    var result = new CliRunner(dir.resolve("h.db")).run("run", suite.toString(), "--no-progress");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("Total: 1 items, 1 passed, 0 failed, 0 errors");
    server.verify(1, postRequestedFor(urlPathEqualTo(path)));
  }
}
