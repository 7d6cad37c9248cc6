package dev.ltb.plugin;

import static dev.ltb.plugin.FakePlugins.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.json.Json;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluginTransformTest {

  private final AtomicReference<JsonNode> seenInput = new AtomicReference<>();
  private final AtomicReference<JsonNode> seenConfig = new AtomicReference<>();

  private final EvaluationContext context =
      new EvaluationContext(
          "<think>hmm</think> Paris", ProviderResponse.of("<think>hmm</think> Paris", null, null, null),
          "Capital of France?", Map.of("country", "France"),
          new TestCase("capital", Map.of("country", "France"), List.of(), null, Map.of("category", "geo")),
          ProviderSpec.of("echo"));

  @Test
  void givesThePluginTheDocumentedInputWithTheDeclarationsConfigUnderTheUses() {
    PluginTransform transform = transform("{\"output\": \"Paris\"}", null, "{\"tag\": \"think\", \"trim\": true}");

    transform.apply(context, json("{\"tag\": \"reasoning\"}"));

    assertThat(Json.write(seenInput.get()))
        .isEqualTo(
            "{\"output\":\"<think>hmm</think> Paris\",\"prompt\":\"Capital of France?\",\"vars\":{\"country\":\"France\"},"
                + "\"config\":{\"tag\":\"reasoning\",\"trim\":true},"
                + "\"test\":{\"description\":\"capital\",\"metadata\":{\"category\":\"geo\"}},"
                + "\"provider\":{\"id\":\"echo\",\"label\":\"echo\"}}");
    assertThat(Json.write(seenConfig.get())).isEqualTo("{\"tag\":\"reasoning\",\"trim\":true}");
  }

  @Test
  void theAssertionsSeeTheRewrittenOutputAndVarsButTheSameResponse() {
    EvaluationContext seen =
        transform("{\"output\": \"Paris\", \"vars\": {\"country\": \"FR\"}}", null, null).apply(context, null);

    assertThat(seen.output()).isEqualTo("Paris");
    assertThat(seen.vars()).isEqualTo(Map.of("country", "FR"));
    assertThat(seen.response()).isSameAs(context.response());
    assertThat(seen.prompt()).isEqualTo(context.prompt());
  }

  @Test
  void leavingOutOutputKeepsTheProvidersOutput() {
    EvaluationContext seen = transform("{\"vars\": {\"n\": 2}}", null, null).apply(context, null);

    assertThat(seen.output()).isEqualTo(context.output());
    assertThat(seen.vars()).isEqualTo(Map.of("n", 2));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[1]|transform plugin:strip: malformed output: output must be a JSON object like {\"output\": \"the rewritten text\"}",
        "{}|transform plugin:strip: malformed output: a transform returns \"output\" (a string), \"vars\" (an object) or both",
        "{\"output\": 3}|transform plugin:strip: malformed output: \"output\" must be a string, was number",
        "{\"vars\": []}|transform plugin:strip: malformed output: \"vars\" must be an object, was array"
      })
  void malformedOutputIsAnErrorNamingTheField(String output, String message) {
    assertThatThrownBy(() -> transform(output, null, null).apply(context, null))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  @Test
  void aFailedCallIsAnErrorWithThePluginsMessage() {
    PluginTransform transform =
        new PluginTransform(
            FakePlugins.plugin(
                "strip", PluginKind.TRANSFORM, null,
                (input, config) -> {
                  throw new PluginException.Trap("plugin strip trapped: unreachable", null);
                }),
            null);

    assertThatThrownBy(() -> transform.apply(context, null))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("transform plugin:strip: plugin strip trapped: unreachable");
  }

  @Test
  void aConfigOutsideTheSchemaIsRefusedBeforeTheCall() {
    PluginTransform transform =
        transform("{\"output\": \"x\"}", "{\"type\": \"object\", \"additionalProperties\": false}", null);

    assertThatThrownBy(() -> transform.apply(context, json("{\"tag\": 1}")))
        .hasMessageStartingWith("transform plugin:strip: config does not match the plugin's configSchema: ");
    assertThat(seenInput.get()).isNull();
  }

  @Test
  void onlyATransformPluginCanBeOne() {
    Plugin evaluator = FakePlugins.plugin("strip", PluginKind.EVALUATOR, null, (input, config) -> input);

    assertThatThrownBy(() -> new PluginTransform(evaluator, null))
        .hasMessage("plugin strip is an evaluator, not a transform (its plugin.json says \"kind\": \"evaluator\")");
  }

  private PluginTransform transform(String output, String schema, String defaultConfig) {
    return new PluginTransform(
        FakePlugins.plugin(
            "strip", PluginKind.TRANSFORM, schema,
            (input, config) -> {
              seenInput.set(input);
              seenConfig.set(config);
              return json(output);
            }),
        json(defaultConfig));
  }
}
