package dev.ltb.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.json.Json;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluginEvaluatorTest {

  private final AtomicReference<JsonNode> seenInput = new AtomicReference<>();
  private final AtomicReference<JsonNode> seenConfig = new AtomicReference<>();

  @Test
  void givesThePluginTheDocumentedInput() {
    PluginEvaluator evaluator = evaluator("{\"pass\": true}", null);
    TestCase test = new TestCase("capital", Map.of("country", "France"), List.of(), null, Map.of("category", "geo"));
    EvaluationContext context =
        new EvaluationContext(
            "Paris", ProviderResponse.of("Paris", null, null, null), "Capital of France?", Map.of("country", "France"),
            test, ProviderSpec.of("echo"));

    evaluator.evaluate(assertion("[\"Paris\"]", 0.5, "{\"ignoreCase\": true}"), context);

    assertThat(Json.write(seenInput.get()))
        .isEqualTo(
            "{\"output\":\"Paris\",\"prompt\":\"Capital of France?\",\"vars\":{\"country\":\"France\"},"
                + "\"expected\":[\"Paris\"],\"threshold\":0.5,\"config\":{\"ignoreCase\":true},"
                + "\"test\":{\"description\":\"capital\",\"metadata\":{\"category\":\"geo\"}},"
                + "\"provider\":{\"id\":\"echo\",\"label\":\"echo\"}}");
    assertThat(Json.write(seenConfig.get())).isEqualTo("{\"ignoreCase\":true}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"pass\": true, \"score\": 0.8, \"reason\": \"close\", \"namedScores\": {\"recall\": 0.5}}|true|0.8|close|{recall=0.5}",
        "{\"pass\": false}|false|0.0|plugin:check returned fail|{}",
        "{\"pass\": true, \"reason\": \"ok\", \"extra\": 1}|true|1.0|ok|{}",
      })
  void readsTheVerdict(String output, boolean pass, double score, String reason, String namedScores) {
    EvaluationResult result = evaluator(output, null).evaluate(assertion(null, null, null), EvaluationContext.ofOutput("x"));

    assertThat(result.pass()).isEqualTo(pass);
    assertThat(result.score()).isEqualTo(score);
    assertThat(result.reason()).isEqualTo(reason);
    assertThat(result.namedScores().toString()).isEqualTo(namedScores);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[1]|plugin:check: malformed output: output must be a JSON object like {\"pass\": true, \"score\": 1, \"reason\": \"...\"}",
        "{\"score\": 1}|plugin:check: malformed output: \"pass\" must be true or false",
        "{\"pass\": true, \"score\": 1.5}|plugin:check: malformed output: \"score\" must be a number within [0, 1], was 1.5",
        "{\"pass\": true, \"reason\": 3}|plugin:check: malformed output: \"reason\" must be a string",
        "{\"pass\": true, \"namedScores\": {\"a\": \"b\"}}|plugin:check: malformed output: \"namedScores\".a must be a number, was \"b\"",
      })
  void failsTheAssertionOnOutputOfTheWrongShape(String output, String message) {
    PluginEvaluator evaluator = evaluator(output, null);

    assertThatThrownBy(() -> evaluator.evaluate(assertion(null, null, null), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  @Test
  void aFailedCallFailsTheAssertionWithThePluginsError() {
    Plugin timingOut =
        plugin(
            (input, config) -> {
              throw new PluginException.Timeout("plugin check ran longer than its limit of 5 ms and was stopped");
            },
            null);

    assertThatThrownBy(() -> new PluginEvaluator(timingOut).evaluate(assertion(null, null, null), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("plugin:check: plugin check ran longer than its limit of 5 ms and was stopped")
        .hasCauseInstanceOf(PluginException.Timeout.class);
  }

  @Test
  void checksConfigAgainstThePluginsSchema() {
    PluginEvaluator evaluator =
        evaluator("{\"pass\": true}", "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\"}}}");

    assertThatThrownBy(() -> evaluator.evaluate(assertion(null, null, "{\"n\": \"x\"}"), EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessageStartingWith("plugin:check: config does not match the plugin's configSchema: ")
        .hasMessageContaining("/n");
    assertThat(seenInput.get()).as("the plugin is not called").isNull();
  }

  @Test
  void describesItselfWithTheManifestsNameAndVersion() {
    assertThat(evaluator("{}", null).descriptor().id()).isEqualTo("plugin:check");
    assertThat(evaluator("{}", null).descriptor().version()).isEqualTo("2.1.0 (sha256 bbbbbbbbbbbb)");
  }

  private PluginEvaluator evaluator(String output, String schema) {
    return new PluginEvaluator(
        plugin(
            (input, config) -> {
              seenInput.set(input);
              seenConfig.set(config);
              return json(output);
            },
            schema));
  }

  private static Plugin plugin(java.util.function.BinaryOperator<JsonNode> call, String schema) {
    PluginManifest manifest =
        new PluginManifest(
            "check", "2.1.0", PluginKind.EVALUATOR, null, "check.wasm", "b".repeat(64), json(schema), Set.of(), null);
    return new Plugin() {
      @Override
      public PluginManifest manifest() {
        return manifest;
      }

      @Override
      public JsonNode call(JsonNode input, JsonNode config) {
        return call.apply(input, config);
      }
    };
  }

  private static Assertion assertion(String value, Double threshold, String config) {
    return new Assertion("plugin:check", false, json(value), threshold, 1, null, json(config));
  }

  private static JsonNode json(String text) {
    try {
      return text == null ? null : Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
