package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ltb plugin new|build|test|validate|list} on a WebAssembly-text plugin (built in-process, no toolchain),
 * and plugins in {@code ltb run}: a new plugin by path next to the bundled transform and scorer. Every failure
 * gets its message and the documented exit code.
 */
class PluginCommandsTest {

  private static final String TRAP =
      """
      (module
        (import "extism:host/env" "input_length" (func $input_length (result i64)))
        (memory (export "memory") 1)
        (func (export "evaluate") (result i32) (drop (call $input_length)) unreachable))
      """;

  @TempDir Path dir;

  private CliRunner ltb() {
    return new CliRunner(dir.resolve("history.db"));
  }

  @Test
  void aNewWatPluginBuildsValidatesAndAnswersTests() {
    var created = ltb().run("plugin", "new", "my-check", "--lang", "wat", "--dir", dir.toString());
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("Created " + dir.resolve("my-check") + "/ (WebAssembly text evaluator):", "my-check.wat", "plugin.json");

    var built = ltb().run("plugin", "build", dir.resolve("my-check").toString());
    assertThat(built.exitCode()).as(built.err()).isZero();
    assertThat(built.out())
        .containsPattern("Built my-check 0\\.1\\.0 \\(evaluator\\): .*dist/my-check\\.wasm, \\d+ bytes, sha256 [0-9a-f]{64}");

    var valid = ltb().run("plugin", "validate", dir.resolve("my-check/dist/my-check.wasm").toString());
    assertThat(valid.exitCode()).as(valid.out() + valid.err()).isZero();
    assertThat(valid.out())
        .contains("ok   manifest    my-check 0.1.0, evaluator")
        .containsPattern("ok   module      \\d+ bytes, sha256 matches, imports and exports fit the sandbox")
        .contains("ok   smoke call  pass, score 1.0: output is not empty");

    var passing = ltb().run("plugin", "test", dir.resolve("my-check").toString(), "--output", "Paris");
    assertThat(passing.exitCode()).isZero();
    assertThat(passing.out())
        .contains("input    {\"output\":\"Paris\",")
        .contains("output   {\"pass\":true,\"reason\":\"output is not empty\"}")
        .contains("verdict  pass, score 1.0: output is not empty");

    var failing = ltb().run("plugin", "test", dir.resolve("my-check").toString(), "--input", "{\"output\": \"\"}");
    assertThat(failing.exitCode()).isEqualTo(ExitCodes.TESTS_FAILED);
    assertThat(failing.out()).contains("verdict  fail, score 0.0: output is empty");
  }

  @Test
  void aSuiteRunsANewPluginByPathWithTheBundledTransformAndScorer() throws IOException {
    newWatPlugin("my-check", null);
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(
        suite,
        """
        description: plugins end to end
        prompts: ["<think>Let me see.</think>\\n  {{answer}}\\n"]
        providers: [echo]
        plugins:
          my-check: {path: my-check}
        defaultTest:
          transform: plugin:strip-think
          scorer: plugin:weakest-link
        tests:
          - description: answered
            vars: {answer: Paris}
            assert:
              - type: plugin:my-check
              - type: equals
                value: Paris
          - description: nothing left once the reasoning is gone
            vars: {answer: ""}
            assert:
              - type: plugin:my-check
        """);
    Path jsonl = dir.resolve("results.jsonl");

    var run = ltb().run("run", suite.toString(), "-o", jsonl.toString(), "--no-progress", "--min-pass-rate", "0.5");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Total: 2 items, 1 passed, 1 failed, 0 errors");
    List<String> lines = Files.readAllLines(jsonl);
    JsonNode answered = Json.mapper().readTree(lines.get(0));
    JsonNode empty = Json.mapper().readTree(lines.get(1));
    assertThat(answered.path("status").asText()).isEqualTo("PASS");
    assertThat(answered.path("reason").asText())
        .isEqualTo("weakest of 2 assertions scored 1.0, reaching 1.0 (plugin:my-check: output is not empty)");
    assertThat(answered.path("namedScores").path("weakest").asDouble()).isEqualTo(1.0);
    assertThat(empty.path("status").asText()).isEqualTo("FAIL");
    assertThat(empty.path("assertions").get(0).path("reason").asText()).isEqualTo("output is empty");
    JsonNode judgedBy = Json.mapper().readTree(lines.getLast()).path("evaluators");
    assertThat(judgedBy.path("plugin:my-check").asText()).matches("0\\.1\\.0 \\(sha256 [0-9a-f]{12}\\)");
    assertThat(judgedBy.path("transform plugin:strip-think").asText()).startsWith("1.0.0 (sha256 ");
    assertThat(judgedBy.path("scorer plugin:weakest-link").asText()).startsWith("1.0.0 (sha256 ");
  }

  @Test
  void aSuiteWithAMissingOrChangedPluginIsRejectedWhereItSaysSo() throws IOException {
    newWatPlugin("my-check", null);
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(
        suite,
        "prompts: [hi]\nproviders: [echo]\nplugins:\n  my-check:\n    path: my-check\n    sha256: " + "ab".repeat(32)
            + "\n  other: {path: nowhere}\ntests:\n  - assert: [{type: plugin:my-check}]\n");

    var run = ltb().run("run", suite.toString(), "--no-progress");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err())
        .contains(suite + ":6:13: plugins.my-check.sha256: plugin my-check is pinned to sha256 " + "ab".repeat(32))
        .contains(suite + ":7:17: plugins.other.path: no such file or folder: " + dir.resolve("nowhere"));
    assertThat(run.out()).doesNotContain("Run ");
  }

  @Test
  void aPluginThatTrapsFailsItsTestWithExitThree() throws IOException {
    newWatPlugin("my-trap", TRAP);

    var trial = ltb().run("plugin", "test", dir.resolve("my-trap").toString());

    assertThat(trial.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(trial.out()).contains("output   (none)").containsPattern("failed   plugin my-trap trapped: .*");
  }

  @Test
  void mistakesGetAMessageAndExitTwo() throws IOException {
    newWatPlugin("my-check", null);

    var notJson = ltb().run("plugin", "test", dir.resolve("my-check").toString(), "--input", "{output: x");
    assertThat(notJson.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(notJson.err()).startsWith("--input is not valid JSON: ");

    var nothing = ltb().run("plugin", "validate", dir.toString());
    assertThat(nothing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(nothing.out()).contains("FAIL manifest    no plugin.json in " + dir);

    var notThere = ltb().run("plugin", "test", dir.resolve("nope").toString());
    assertThat(notThere.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(notThere.err()).contains("Cannot load " + dir.resolve("nope") + ": no such file or folder");

    var twice = ltb().run("plugin", "new", "my-check", "--lang", "wat", "--dir", dir.toString());
    assertThat(twice.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(twice.err()).contains("already exists");

    var badLanguage = ltb().run("plugin", "new", "x", "--lang", "rust", "--dir", dir.toString());
    assertThat(badLanguage.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(badLanguage.err()).contains("unknown plugin language 'rust': use as (AssemblyScript), c or wat");

    Files.writeString(dir.resolve("my-check/my-check.wat"), "(module (func $f (result i32) i64.const 1))");
    var broken = ltb().run("plugin", "build", dir.resolve("my-check").toString());
    assertThat(broken.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(broken.err()).startsWith("Build failed: my-check.wat is not valid WebAssembly text: ");
  }

  @Test
  void listsTheBundledPlugins() {
    var listed = ltb().run("plugin", "list");

    assertThat(listed.exitCode()).isZero();
    assertThat(listed.out())
        .contains("plugin:contains-all  evaluator 1.0.0")
        .contains("plugin:strip-think   transform 1.0.0")
        .contains("plugin:weakest-link  scorer    1.0.0");
  }

  private void newWatPlugin(String name, String source) throws IOException {
    assertThat(ltb().run("plugin", "new", name, "--lang", "wat", "--dir", dir.toString()).exitCode()).isZero();
    if (source != null) Files.writeString(dir.resolve(name).resolve(name + ".wat"), source);
    var built = ltb().run("plugin", "build", dir.resolve(name).toString());
    assertThat(built.exitCode()).as(built.out() + built.err()).isZero();
  }
}
