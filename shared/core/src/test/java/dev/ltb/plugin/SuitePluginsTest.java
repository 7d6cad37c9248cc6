package dev.ltb.plugin;

import static dev.ltb.plugin.FakePlugins.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.engine.TestScorer;
import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.PluginSpec;
import dev.ltb.suite.PluginUse;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A suite's plugins loaded for a run: evaluators registered, transform and scorer around the assertions. */
class SuitePluginsTest {

  private static final byte[] STRIP = "strip module".getBytes(StandardCharsets.UTF_8);
  private static final byte[] WEAKEST = "weakest module".getBytes(StandardCharsets.UTF_8);

  /** Bundled plugins whose calls are Java lambdas: the transform upper-cases, the scorer takes the lowest score. */
  private final PluginCatalog bundled =
      new PluginCatalog() {
        @Override
        public Optional<PluginPackage> find(String name) {
          return switch (name) {
            case "upper" -> Optional.of(pluginPackage("upper", PluginKind.TRANSFORM, STRIP));
            case "weakest" -> Optional.of(pluginPackage("weakest", PluginKind.SCORER, WEAKEST));
            default -> Optional.empty();
          };
        }

        @Override
        public List<String> names() {
          return List.of("upper", "weakest");
        }
      };

  private final PluginRuntime runtime =
      (manifest, module) ->
          switch (manifest.name()) {
            case "upper" ->
                FakePlugins.plugin(
                    "upper", PluginKind.TRANSFORM, null,
                    (input, config) -> json("{\"output\": \"" + input.get("output").asText().toUpperCase() + "\"}"));
            case "weakest" ->
                FakePlugins.plugin(
                    "weakest", PluginKind.SCORER, null,
                    (input, config) -> {
                      double lowest = 1;
                      for (JsonNode assertion : input.get("assertions")) lowest = Math.min(lowest, assertion.get("score").asDouble());
                      return json("{\"pass\": " + (lowest >= config.path("threshold").asDouble(1)) + ", \"score\": " + lowest + "}");
                    });
            default -> throw new IllegalArgumentException(manifest.name());
          };

  @Test
  void theAssertionsSeeTheTransformedOutputAndTheScorerHasTheLastWord() {
    TestCase test =
        new TestCase(
            "t", Map.of(), List.of(), null, Map.of(), null, new PluginUse("upper", null),
            new PluginUse("weakest", json("{\"threshold\": 0.5}")));
    SuitePlugins plugins = SuitePlugins.load(suite(test), runtime, new PluginLocator(bundled));
    TestScorer assertions =
        (t, context) ->
            new TestOutcome(
                context.output().equals("PARIS"), 0.9, "saw " + context.output(),
                List.of(
                    new AssertionOutcome("contains", true, 1, "ok", 1, null, List.of()),
                    new AssertionOutcome("regex", false, 0.6, "no", 1, null, List.of())),
                Map.of(), TokenUsage.NONE);

    TestOutcome outcome = plugins.around(assertions).score(test, EvaluationContext.ofOutput("Paris"));

    assertThat(outcome.pass()).isTrue();
    assertThat(outcome.score()).isEqualTo(0.6);
    assertThat(outcome.reason()).isEqualTo("scorer plugin:weakest returned pass");
    assertThat(outcome.assertions()).extracting(AssertionOutcome::type).containsExactly("contains", "regex");
    assertThat(plugins.inventory())
        .containsExactly(
            Map.entry("scorer plugin:weakest", "1.2.0 (sha256 " + ModuleHash.sha256(WEAKEST).substring(0, 12) + ")"),
            Map.entry("transform plugin:upper", "1.2.0 (sha256 " + ModuleHash.sha256(STRIP).substring(0, 12) + ")"));
  }

  @Test
  void testsWithoutTransformOrScorerAreJudgedByTheirAssertionsAlone() {
    TestCase plain = new TestCase("t", Map.of(), List.of(), null, Map.of());
    SuitePlugins plugins = SuitePlugins.load(suite(plain), runtime, new PluginLocator(bundled));
    TestOutcome expected = new TestOutcome(true, 1, "All assertions passed", List.of(), Map.of(), TokenUsage.NONE);

    assertThat(plugins.around((t, context) -> expected).score(plain, EvaluationContext.ofOutput("x")))
        .isSameAs(expected);
  }

  @Test
  void aModuleChangedSinceTheSuiteWasLoadedIsRefused() {
    TestCase plain = new TestCase("t", Map.of(), List.of(), null, Map.of());
    Suite pinnedElsewhere =
        new Suite(
            null, List.of(new Prompt("p", null, "hi")), List.of(ProviderSpec.of("echo")), List.of(plain), null, null,
            List.of(), List.of(PluginSpec.bundled("upper", "d".repeat(64))));

    assertThatThrownBy(() -> SuitePlugins.load(pinnedElsewhere, runtime, new PluginLocator(bundled)))
        .isInstanceOf(PluginException.InvalidManifest.class)
        .hasMessageStartingWith("plugin upper is pinned to sha256 " + "d".repeat(64) + " but bundled plugin upper has ");
  }

  private Suite suite(TestCase test) {
    return new Suite(
        null, List.of(new Prompt("p", null, "hi")), List.of(ProviderSpec.of("echo")), List.of(test), null, null,
        List.of(),
        List.of(
            PluginSpec.bundled("upper", ModuleHash.sha256(STRIP)), PluginSpec.bundled("weakest", ModuleHash.sha256(WEAKEST))));
  }

  private static PluginPackage pluginPackage(String name, PluginKind kind, byte[] module) {
    PluginManifest manifest =
        new PluginManifest(name, "1.2.0", kind, null, name + ".wasm", ModuleHash.sha256(module), null, null, null);
    return new PluginPackage(manifest, module, "bundled plugin " + name);
  }
}
