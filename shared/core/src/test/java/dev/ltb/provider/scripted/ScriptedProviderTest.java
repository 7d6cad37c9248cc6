package dev.ltb.provider.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.RequestOrigin;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import dev.ltb.suite.ProviderSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptedProviderTest {

  @TempDir Path suiteDir;

  private static final String CAPITALS =
      """
      responses:
        Paris question: Paris
        Germany: Berlin
        France: "The capital of France is Paris."
        default: I don't know
      matchVar: country
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      textBlock = """
          var value first              | Germany | Paris question | What is the capital of France? | Berlin
          description as a key         | Spain   | Paris question | What is the capital of France? | Paris
          first key found in prompt    | none    | other          | Is France bigger than Germany? | Berlin
          substring of the prompt      | none    | none           | The capital of France?         | The capital of France is Paris.
          default                      | none    | none           | The capital of Peru?           | I don't know
          """)
  void picksTheAnswer(String why, String country, String description, String prompt, String expected) {
    ScriptedProvider provider = provider(CAPITALS);
    Map<String, Object> vars = country == null ? Map.of() : Map.of("country", country);

    ProviderResponse response = provider.complete(request(prompt, new RequestOrigin("t1", description, vars)));

    assertThat(response.output()).isEqualTo(expected);
  }

  @Test
  void answersLikeAModel() {
    ScriptedProvider provider =
        provider(
            """
            responses: {France: Paris}
            tokens: {input: 1000000, output: 2000000}
            costPerMillion: {input: 0.15, output: 0.60}
            finishReason: length
            """);

    ProviderResponse response = provider.complete(ProviderRequest.ofText("Capital of France?"));

    assertThat(response.withLatency(0))
        .isEqualTo(ProviderResponse.of("Paris", new TokenUsage(1_000_000, 2_000_000), 1.35, FinishReason.LENGTH));
    assertThat(provider.id()).isEqualTo("scripted:test");
  }

  @Test
  void estimatesTokensAndIsFreeByDefault() {
    ScriptedProvider provider = provider("responses: {default: Paris is the capital}");

    ProviderResponse response = provider.complete(ProviderRequest.ofText("abcdefgh"));

    assertThat(response.usage()).isEqualTo(new TokenUsage(2, 5));
    assertThat(response.costUsd()).isEqualTo(0.0);
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void answersWithToolCalls() {
    ScriptedProvider provider =
        provider(
            """
            responses:
              weather:
                toolCalls: [{name: get_weather, arguments: {city: Paris}}, {id: c2, name: now}]
            """);

    ProviderResponse response = provider.complete(ProviderRequest.ofText("What is the weather in Paris?"));

    assertThat(response.output()).isEmpty();
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.toolCalls())
        .containsExactly(
            new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"), new ToolCall("c2", "now", "{}"));
  }

  @Test
  void noAnswerAndNoDefaultIsAnInvalidRequest() {
    ScriptedProvider provider = provider("responses: {France: Paris}");

    assertThatThrownBy(() -> provider.complete(request("Capital of Peru?", new RequestOrigin("t1", "peru", Map.of()))))
        .isInstanceOf(ProviderException.InvalidRequest.class)
        .hasMessage(
            "scripted:test: no scripted answer for test \"peru\" and no default; add a matching key or a default"
                + " to responses");
  }

  @Test
  void withoutATestTheErrorNamesThePrompt() {
    ScriptedProvider provider = provider("responses: {France: Paris}");

    assertThatThrownBy(() -> provider.complete(ProviderRequest.ofText("What is the capital of Peru?")))
        .isInstanceOf(ProviderException.InvalidRequest.class)
        .hasMessage(
            "scripted:test: no scripted answer for prompt \"What is the capital of Peru?\" and no default; add a"
                + " matching key or a default to responses");
  }

  @Test
  void choosesAmongSeveralAnswersPerItemAndKeepsTheChoiceForTheItem() {
    ScriptedProvider provider = provider("responses: {default: [red, green, blue]}\nseed: 7");

    List<String> first = IntStream.range(0, 30).mapToObj(i -> answer(provider, "item-" + i)).toList();
    List<String> again = IntStream.range(0, 30).mapToObj(i -> answer(provider, "item-" + i)).toList();

    assertThat(new HashSet<>(first)).containsExactlyInAnyOrder("red", "green", "blue");
    assertThat(again).isEqualTo(first);
  }

  @Test
  void theSameSeedGivesTheSameOutcomesAndAnotherSeedOthers() {
    String config = "responses: {default: ok}\nerrorRate: 0.5\n";

    List<Boolean> run1 = outcomes(provider(config + "seed: 1"), 60);
    List<Boolean> run2 = outcomes(provider(config + "seed: 1"), 60);
    List<Boolean> run3 = outcomes(provider(config + "seed: 2"), 60);

    assertThat(run2).isEqualTo(run1);
    assertThat(run3).isNotEqualTo(run1);
  }

  @Test
  void failsAtTheConfiguredRate() {
    List<Boolean> outcomes = outcomes(provider("responses: {default: ok}\nerrorRate: 0.2\nseed: 3"), 2000);

    double failureRate = outcomes.stream().filter(ok -> !ok).count() / 2000.0;

    assertThat(failureRate).isCloseTo(0.2, within(0.03));
    assertThat(outcomes(provider("responses: {default: ok}\nerrorRate: 0"), 200)).containsOnly(true);
    assertThat(outcomes(provider("responses: {default: ok}\nerrorRate: 1"), 200)).containsOnly(false);
  }

  @Test
  void aRetriedCallDrawsAgainAndCanSucceed() {
    ScriptedProvider provider = provider("responses: {default: ok}\nerrorRate: 0.5\nseed: 11");
    int succeededAfterRetry = 0;
    for (int item = 0; item < 40; item++) {
      ProviderRequest request = request("q", new RequestOrigin("item-" + item, "d", Map.of()));
      for (int attempt = 1; attempt <= 20; attempt++) {
        try {
          provider.complete(request);
          if (attempt > 1) succeededAfterRetry++;
          break;
        } catch (ProviderException.RateLimited retry) {
          assertThat(retry.getMessage()).endsWith("attempt " + attempt + ")");
        }
      }
    }

    assertThat(succeededAfterRetry).isGreaterThan(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "rate-limited, RATE_LIMITED, 429",
    "server-error, SERVER_ERROR, 500",
    "timeout, TIMEOUT, 0",
    "unavailable, UNAVAILABLE, 0",
    "authentication, AUTHENTICATION, 401",
    "invalid-request, INVALID_REQUEST, 400"
  })
  void simulatesTheChosenErrorKind(String errorKind, ProviderErrorKind kind, int status) {
    ScriptedProvider provider =
        provider("responses: {default: ok}\nerrorRate: 1\nretryAfterMs: 1500\nerrorKind: " + errorKind);

    assertThatThrownBy(() -> provider.complete(ProviderRequest.ofText("q")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.httpStatus()).isEqualTo(status);
              assertThat(e.getMessage())
                  .isEqualTo("scripted:test: simulated " + errorKind + " error (errorRate 1.0, attempt 1)");
              if (kind == ProviderErrorKind.RATE_LIMITED || kind == ProviderErrorKind.SERVER_ERROR)
                assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
            });
  }

  @Test
  void reallyWaitsTheSimulatedLatency() {
    ProviderResponse fixed = provider("responses: {default: ok}\nlatencyMs: 150").complete(ProviderRequest.ofText("q"));
    ScriptedProvider ranged = provider("responses: {default: ok}\nlatencyMs: {min: 40, max: 90}");
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < 5; i++)
      latencies.add(ranged.complete(request("q", new RequestOrigin("i" + i, "d", Map.of()))).latencyMs());

    assertThat(fixed.latencyMs()).isGreaterThanOrEqualTo(150);
    assertThat(latencies).allSatisfy(latency -> assertThat(latency).isGreaterThanOrEqualTo(40));
  }

  @Test
  void readsAnswersFromAFileBesideTheSuite() throws IOException {
    Files.writeString(suiteDir.resolve("answers.yaml"), "France: Paris\ndefault: unsure\n");
    Files.writeString(suiteDir.resolve("answers.json"), "{\"Peru\": \"Lima\"}");

    ScriptedProvider yaml = provider("file: answers.yaml");
    ScriptedProvider json = provider("responses: file://answers.json");

    assertThat(yaml.complete(ProviderRequest.ofText("Capital of France?")).output()).isEqualTo("Paris");
    assertThat(yaml.complete(ProviderRequest.ofText("Capital of Chad?")).output()).isEqualTo("unsure");
    assertThat(json.complete(ProviderRequest.ofText("Capital of Peru?")).output()).isEqualTo("Lima");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          file: missing.yaml                              | config file names SUITE/missing.yaml, which does not exist (paths are relative to the suite's folder)
          matchVar: q                                     | scripted needs its answers: config responses (a map such as {"capital of France": Paris, default: "I don't know"}) or file: responses.yaml
          'responses: {a: b}\\nerrorRate: 2'              | config errorRate must be between 0.0 and 1.0, was 2.0
          'responses: {a: b}\\nerrorKind: flaky'          | config errorKind must be one of authentication, rate-limited, invalid-request, content-filtered, server-error, timeout, unavailable, malformed-response, was "flaky"
          'responses: {a: b}\\nlatencyMs: {min: 9, max: 1}' | config latencyMs needs 0 <= min <= max, was 9..1
          'responses: {a: b}\\nlatency: 5'                | unknown config key(s) latency; known keys: responses, file, matchVar, latencyMs, errorRate, errorKind, retryAfterMs, tokens, costPerMillion, cost, inputCost, outputCost, finishReason, seed
          'responses: {a: b}\\nfinishReason: done'        | config finishReason must be one of stop, length, content-filter, tool-calls, error; was "done"
          'responses: [a, b]'                             | config responses must be a map from what to answer to the answer, e.g. {"capital of France": Paris}
          """)
  void explainsABadConfig(String yaml, String message) {
    assertThatThrownBy(() -> provider(yaml.replace("\\n", "\n")))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider scripted:test: " + message.replace("SUITE", suiteDir.toString()));
  }

  private String answer(ScriptedProvider provider, String itemId) {
    return provider.complete(request("pick a colour", new RequestOrigin(itemId, "colours", Map.of()))).output();
  }

  private static List<Boolean> outcomes(ScriptedProvider provider, int items) {
    List<Boolean> outcomes = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      try {
        provider.complete(request("q", new RequestOrigin("item-" + i, "d", Map.of())));
        outcomes.add(true);
      } catch (ProviderException e) {
        outcomes.add(false);
      }
    }
    return outcomes;
  }

  private static ProviderRequest request(String prompt, RequestOrigin origin) {
    return ProviderRequest.ofText(prompt).withOrigin(origin);
  }

  private ScriptedProvider provider(String yaml) {
    try {
      JsonNode config = Json.yaml().readTree(yaml);
      ProviderSpec spec = ProviderSpec.of("scripted:test", config);
      return new ScriptedProvider.Factory().create(spec, ProviderContext.defaults(suiteDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
