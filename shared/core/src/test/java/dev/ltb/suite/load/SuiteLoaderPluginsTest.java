package dev.ltb.suite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ltb.json.Json;
import dev.ltb.plugin.ModuleHash;
import dev.ltb.plugin.PluginCatalog;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginKind;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginPackage;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.plugin.PluginSupport;
import dev.ltb.suite.PluginSpec;
import dev.ltb.suite.PluginUse;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import dev.ltb.suite.TestCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plugins in a suite: declarations under {@code plugins:} and uses ({@code type: plugin:<name>}, {@code
 * transform:}, {@code scorer:}) are resolved and checked when the suite loads, and every mistake is reported at
 * the line and column it was written. Modules here are stand-in bytes: the loader checks files and hashes; the
 * runtime (Chicory, not in the core) checks the bytes, as the last test shows with a runtime that refuses.
 */
class SuiteLoaderPluginsTest {

  private static final String HEAD = "prompts: ['Answer: {{question}}']\nproviders: [echo]\n";
  private static final String STRICT_CONFIG =
      "{\"type\": \"object\", \"properties\": {\"ignoreCase\": {\"type\": \"boolean\"}}, \"additionalProperties\": false}";

  @TempDir Path dir;

  private PluginPackage bundledScorer;

  @BeforeEach
  void plugins() throws IOException {
    writePlugin(dir.resolve("checks/word-budget/dist"), "word-budget", PluginKind.EVALUATOR, STRICT_CONFIG);
    writePlugin(dir.resolve("checks/strip-think"), "strip-think", PluginKind.TRANSFORM, null);
    writePlugin(dir.resolve("checks/old-think"), "old-think", PluginKind.TRANSFORM, null);
    Files.write(dir.resolve("checks/old-think/old-think.wasm"), "tampered".getBytes(StandardCharsets.UTF_8));
    byte[] module = "scorer bytes".getBytes(StandardCharsets.UTF_8);
    bundledScorer =
        new PluginPackage(
            manifest("weakest-link", PluginKind.SCORER, module, null), module, "bundled plugin weakest-link");
  }

  @Test
  void resolvesDeclaredAndBundledPluginsAndTheirUses() throws IOException {
    Suite suite =
        load(
            HEAD
                + """
                plugins:
                  word-budget:
                    path: checks/word-budget
                    config: {ignoreCase: true}
                    limits: {timeoutMs: 250}
                  strip-think: {path: checks/strip-think/plugin.json}
                defaultTest:
                  transform: plugin:strip-think
                tests:
                  - vars: {question: Capital of France}
                    scorer: {type: plugin:weakest-link, config: {threshold: 0.5}}
                    assert:
                      - {type: plugin:word-budget, value: 50}
                  - vars: {question: Capital of Spain}
                    transform: {type: plugin:strip-think, config: {tag: reasoning}}
                """);

    Path wordBudget = dir.resolve("checks/word-budget/dist/word-budget.wasm");
    assertThat(suite.plugins())
        .extracting(PluginSpec::name, PluginSpec::path, PluginSpec::sha256)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "word-budget", dir.resolve("checks/word-budget").toString(), ModuleHash.sha256(Files.readAllBytes(wordBudget))),
            org.assertj.core.groups.Tuple.tuple(
                "strip-think", dir.resolve("checks/strip-think/plugin.json").toString(),
                ModuleHash.sha256(Files.readAllBytes(dir.resolve("checks/strip-think/strip-think.wasm")))),
            org.assertj.core.groups.Tuple.tuple("weakest-link", null, bundledScorer.manifest().sha256()));
    assertThat(suite.plugins().getFirst().limits()).isEqualTo(new PluginSpec.Limits(null, 250L, null));
    assertThat(Json.write(suite.plugins().getFirst().config())).isEqualTo("{\"ignoreCase\":true}");

    TestCase france = suite.tests().get(0);
    TestCase spain = suite.tests().get(1);
    assertThat(france.transform()).isEqualTo(new PluginUse("strip-think", null));
    assertThat(france.scorer().plugin()).isEqualTo("weakest-link");
    assertThat(Json.write(france.scorer().config())).isEqualTo("{\"threshold\":0.5}");
    assertThat(spain.transform().plugin()).isEqualTo("strip-think");
    assertThat(Json.write(spain.transform().config())).isEqualTo("{\"tag\":\"reasoning\"}");
    assertThat(spain.scorer()).isNull();
  }

  @Test
  void aStoredSuiteKeepsItsPluginsAndUses() throws IOException {
    Suite suite =
        load(
            HEAD
                + "plugins: {word-budget: {path: checks/word-budget}, strip-think: {path: checks/strip-think}}\n"
                + "tests:\n  - transform: plugin:strip-think\n    assert: [{type: plugin:word-budget}]\n",
            PluginCatalog.EMPTY);

    Suite stored = SuiteCodec.fromJson(SuiteCodec.toJson(suite));

    assertThat(stored.plugins()).isEqualTo(suite.plugins());
    assertThat(stored.tests().getFirst().transform()).isEqualTo(new PluginUse("strip-think", null));
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            "a path where there is nothing",
            HEAD + "plugins:\n  word-budget: {path: checks/nope}\n",
            "suite.yaml:4:23: plugins.word-budget.path: no such file or folder: {dir}/checks/nope"),
        Arguments.of(
            "a folder without plugin.json",
            HEAD + "plugins:\n  word-budget:\n    path: checks\n",
            "suite.yaml:5:11: plugins.word-budget.path: no plugin.json in {dir}/checks (nor in its dist/ folder): point"
                + " at a built plugin, e.g. the dist/ folder its build wrote, or build it first (ltb plugin build"
                + " {dir}/checks)"),
        Arguments.of(
            "a pin the module does not match",
            HEAD + "plugins:\n  word-budget:\n    path: checks/word-budget\n    sha256: " + "ab".repeat(32) + "\n",
            "suite.yaml:6:13: plugins.word-budget.sha256: plugin word-budget is pinned to sha256 " + "ab".repeat(32)
                + " but {dir}/checks/word-budget/dist/plugin.json has {hash:word-budget}: the plugin changed; rebuild"
                + " the one you meant, or update sha256 in the suite if the change is intended"),
        Arguments.of(
            "a pin that is not a hash",
            HEAD + "plugins:\n  word-budget: {path: checks/word-budget, sha256: abc}\n",
            "suite.yaml:4:51: plugins.word-budget.sha256: must be the module's SHA-256: 64 hex digits (plugin.json's"
                + " sha256), got \"abc\""),
        Arguments.of(
            "a module changed since its manifest was written",
            HEAD + "plugins:\n  old-think: {path: checks/old-think}\n",
            "suite.yaml:4:21: plugins.old-think.path: plugin old-think: the module's SHA-256 is"
                + " {hash:tampered} but plugin.json says {hash:old-think}; the module changed since its manifest"
                + " was written: rebuild the plugin (its build writes sha256) or load the module the manifest was"
                + " made for"),
        Arguments.of(
            "a declaration named unlike its plugin",
            HEAD + "plugins:\n  budget: {path: checks/word-budget}\n",
            "suite.yaml:4:18: plugins.budget.path: {dir}/checks/word-budget/dist/plugin.json holds plugin"
                + " \"word-budget\", not \"budget\": name it word-budget in the suite (plugin:word-budget)"),
        Arguments.of(
            "an undeclared plugin",
            HEAD + "tests:\n  - assert:\n      - type: plugin:word-budjet\n",
            "suite.yaml:5:15: tests[0].assert[0].type: unknown plugin \"word-budjet\": declare it under plugins: with"
                + " its path (plugins: {word-budjet: {path: ./word-budjet/dist}}); bundled plugins: weakest-link"),
        Arguments.of(
            "a transform used as an assertion",
            HEAD + "plugins: {strip-think: {path: checks/strip-think}}\ntests:\n  - assert: [{type: not-plugin:strip-think}]\n",
            "suite.yaml:5:21: tests[0].assert[0].type: plugin:strip-think is a transform plugin (its plugin.json says"
                + " \"kind\": \"transform\"), but an assertion type needs an evaluator plugin; use it as a test's"
                + " transform (transform: plugin:strip-think)"),
        Arguments.of(
            "an evaluator used as a scorer",
            HEAD + "plugins: {word-budget: {path: checks/word-budget}}\ndefaultTest:\n  scorer: plugin:word-budget\n",
            "suite.yaml:5:11: defaultTest.scorer: plugin:word-budget is an evaluator plugin (its plugin.json says"
                + " \"kind\": \"evaluator\"), but scorer needs a scorer plugin; use it as an assertion (- type:"
                + " plugin:word-budget)"),
        Arguments.of(
            "a config the plugin's schema refuses",
            HEAD + "plugins: {word-budget: {path: checks/word-budget}}\ntests:\n  - assert:\n"
                + "      - type: plugin:word-budget\n        config: {ignorecase: true}\n",
            "suite.yaml:7:17: tests[0].assert[0].config: config does not match the configSchema of plugin"
                + " word-budget: property 'ignorecase' is not defined in the schema and the schema does not allow"
                + " additional properties"),
        Arguments.of(
            "a transform without the plugin: prefix",
            HEAD + "defaultTest:\n  transform: strip-think\n",
            "suite.yaml:4:14: defaultTest.transform: must be plugin:<name> with a kebab-case name (e.g."
                + " plugin:strip-think), got \"strip-think\""),
        Arguments.of(
            "a limit above the host's ceiling",
            HEAD + "plugins:\n  word-budget:\n    path: checks/word-budget\n    limits: {timeoutMs: 600000}\n",
            "suite.yaml:6:25: plugins.word-budget.limits.timeoutMs: must be <= 60000, got 600000"),
        Arguments.of(
            "an unknown key in a declaration",
            HEAD + "plugins:\n  word-budget: {paht: checks/word-budget}\n",
            "suite.yaml:4:17: plugins.word-budget.paht: unknown key \"paht\"; did you mean \"path\"?"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void reportsMistakesWhereTheyAreWritten(String name, String suite, String expected) throws IOException {
    SuiteValidationException failure = catchThrowableOfType(SuiteValidationException.class, () -> load(suite));

    assertThat(failure).as("a suite with this mistake must not load").isNotNull();
    assertThat(failure.getMessage()).isEqualTo(expand(expected));
  }

  @Test
  void aModuleTheRuntimeRefusesIsReportedAtItsPath() throws IOException {
    PluginRuntime refusing =
        (manifest, module) -> {
          throw new PluginException.InvalidModule(
              "plugin " + manifest.name() + " imports wasi_snapshot_preview1.fd_write, but the sandbox provides no WASI",
              null);
        };
    Files.writeString(
        dir.resolve("suite.yaml"), HEAD + "plugins:\n  word-budget:\n    path: checks/word-budget\n");
    SuiteLoader loader =
        new SuiteLoader(
            new SuiteVocabulary(
                TestVocabulary.TYPES, TestVocabulary.REQUIRING_VALUE, id -> true,
                PluginSupport.of(PluginCatalog.EMPTY, refusing)));

    SuiteValidationException failure =
        catchThrowableOfType(SuiteValidationException.class, () -> loader.load(dir.resolve("suite.yaml")));

    assertThat(failure.getMessage())
        .isEqualTo(
            dir.resolve("suite.yaml") + ":5:11: plugins.word-budget.path: plugin word-budget imports"
                + " wasi_snapshot_preview1.fd_write, but the sandbox provides no WASI");
  }

  private Suite load(String text) throws IOException {
    return load(text, catalog());
  }

  private Suite load(String text, PluginCatalog bundled) throws IOException {
    Files.writeString(dir.resolve("suite.yaml"), text);
    SuiteLoader loader =
        new SuiteLoader(
            new SuiteVocabulary(
                TestVocabulary.TYPES, TestVocabulary.REQUIRING_VALUE, id -> true, PluginSupport.of(bundled, null)));
    return loader.parse(text, "suite.yaml", dir);
  }

  private PluginCatalog catalog() {
    return new PluginCatalog() {
      @Override
      public Optional<PluginPackage> find(String name) {
        return name.equals("weakest-link") ? Optional.of(bundledScorer) : Optional.empty();
      }

      @Override
      public List<String> names() {
        return List.of("weakest-link");
      }
    };
  }

  private String expand(String expected) throws IOException {
    return expected
        .replace("{dir}", dir.toString())
        .replace("{hash:word-budget}", hashOf("checks/word-budget/dist/word-budget.wasm"))
        .replace("{hash:tampered}", hashOf("checks/old-think/old-think.wasm"))
        .replace("{hash:old-think}", ModuleHash.sha256(moduleBytes("old-think")));
  }

  private String hashOf(String file) throws IOException {
    return ModuleHash.sha256(Files.readAllBytes(dir.resolve(file)));
  }

  private static void writePlugin(Path folder, String name, PluginKind kind, String configSchema) throws IOException {
    Files.createDirectories(folder);
    byte[] module = moduleBytes(name);
    Files.write(folder.resolve(name + ".wasm"), module);
    Files.writeString(folder.resolve("plugin.json"), manifest(name, kind, module, configSchema).toJson());
  }

  private static byte[] moduleBytes(String name) {
    return ("module of " + name).getBytes(StandardCharsets.UTF_8);
  }

  private static PluginManifest manifest(String name, PluginKind kind, byte[] module, String configSchema) {
    try {
      return new PluginManifest(
          name, "1.0.0", kind, null, name + ".wasm", ModuleHash.sha256(module),
          configSchema == null ? null : Json.mapper().readTree(configSchema), null, null);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
