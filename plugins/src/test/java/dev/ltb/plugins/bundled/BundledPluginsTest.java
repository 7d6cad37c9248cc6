package dev.ltb.plugins.bundled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.json.Json;
import dev.ltb.plugin.PluginEvaluator;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.Assertion;
import dev.ltb.wasm.ChicoryPluginRuntime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bundled plugin, as a suite uses it: through {@link PluginEvaluator}, compiled ahead of time and at load. */
class BundledPluginsTest {

  private static final ChicoryPluginRuntime AHEAD_OF_TIME =
      BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).build();
  private static final ChicoryPluginRuntime AT_LOAD = ChicoryPluginRuntime.builder().build();

  static Stream<Arguments> verdicts() {
    return Stream.of(
        Arguments.of("not-empty", "Paris", null, null, new EvaluationResult(true, 1, "output is not empty", Map.of(), null)),
        Arguments.of("not-empty", "", null, null, new EvaluationResult(false, 0, "output is empty", Map.of(), null)),
        Arguments.of(
            "contains-all",
            "The capital of France is Paris.",
            "[\"Paris\", \"France\"]",
            null,
            new EvaluationResult(true, 1, "output contains all 2 expected strings", Map.of("coverage", 1.0), null)),
        Arguments.of(
            "contains-all",
            "The capital of France is Paris.",
            "[\"Paris\", \"Lyon\", \"Ni\\\"ce\"]",
            null,
            new EvaluationResult(
                false, 1.0 / 3, "output is missing \"Lyon\", \"Ni\"ce\"", Map.of("coverage", 1.0 / 3), null)),
        Arguments.of(
            "contains-all",
            "the capital of france is paris ✓",
            "[\"Paris\", \"FRANCE\", \"✓\"]",
            "{\"ignoreCase\": true}",
            new EvaluationResult(true, 1, "output contains all 3 expected strings", Map.of("coverage", 1.0), null)),
        Arguments.of(
            "contains-all",
            "Paris, Lyon",
            "[\"Paris\", \"Genève ✓\"]",
            null,
            new EvaluationResult(
                false, 0.5, "output is missing \"Genève ✓\"", Map.of("coverage", 0.5), null)),
        Arguments.of(
            "contains-all",
            "the capital of france is paris",
            "\"Paris\"",
            "{\"ignoreCase\": false}",
            new EvaluationResult(false, 0, "output is missing \"Paris\"", Map.of("coverage", 0.0), null)),
        Arguments.of(
            "max-words",
            "Paris is the capital.",
            "5",
            null,
            new EvaluationResult(true, 1, "output has 4 words (limit 5)", Map.of("words", 4.0), null)),
        Arguments.of(
            "max-words",
            "one two\nthree four  five six seven eight",
            "4",
            null,
            new EvaluationResult(false, 0.5, "output has 8 words (limit 4)", Map.of("words", 8.0), null)));
  }

  @ParameterizedTest(name = "{0} on \"{1}\" compiled ahead of time")
  @MethodSource("verdicts")
  void judgesLikeItsDocsSay(String plugin, String output, String value, String config, EvaluationResult expected) {
    assertThat(evaluate(AHEAD_OF_TIME, plugin, output, value, config)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on \"{1}\" compiled at load")
  @MethodSource("verdicts")
  void judgesTheSameCompiledAtLoad(String plugin, String output, String value, String config, EvaluationResult expected) {
    assertThat(evaluate(AT_LOAD, plugin, output, value, config)).isEqualTo(expected);
  }

  @Test
  void bundledPluginsLoadWithoutCompiling() {
    ChicoryPluginRuntime runtime = BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).build();
    for (String name : BundledPlugins.NAMES) BundledPlugins.load(runtime, name);

    assertThat(runtime.compilations()).isZero();
  }

  @Test
  void aPluginsOwnErrorFailsTheAssertionWithItsMessage() {
    assertThatThrownBy(() -> evaluate(AHEAD_OF_TIME, "max-words", "Paris", null, null))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "plugin:max-words: plugin max-words failed (code 1): max-words needs a value: the largest number of words"
                + " allowed, e.g. value: 50");
  }

  @Test
  void configOutsideThePluginsSchemaIsRefusedBeforeTheCall() {
    assertThatThrownBy(() -> evaluate(AHEAD_OF_TIME, "contains-all", "Paris", "\"Paris\"", "{\"ignorecase\": 1}"))
        .isInstanceOf(EvaluationException.class)
        .hasMessageStartingWith("plugin:contains-all: config does not match the plugin's configSchema: ")
        .hasMessageContaining("ignorecase");
  }

  private static EvaluationResult evaluate(
      ChicoryPluginRuntime runtime, String plugin, String output, String value, String config) {
    PluginEvaluator evaluator = new PluginEvaluator(BundledPlugins.load(runtime, plugin));
    Assertion assertion = new Assertion("plugin:" + plugin, false, json(value), null, 1, null, json(config));
    EvaluationResult result = evaluator.evaluate(assertion, EvaluationContext.ofOutput(output));
    return new EvaluationResult(result.pass(), result.score(), result.reason(), result.namedScores(), TokenUsage.NONE);
  }

  private static JsonNode json(String text) {
    try {
      return text == null ? null : Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
