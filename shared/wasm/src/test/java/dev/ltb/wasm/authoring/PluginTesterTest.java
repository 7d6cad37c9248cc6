package dev.ltb.wasm.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.json.Json;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginKind;
import dev.ltb.wasm.ChicoryPluginRuntime;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltb plugin test}'s service: one call of each kind, with its sample input or the fields given. */
class PluginTesterTest {

  private final PluginTester tester = new PluginTester(ChicoryPluginRuntime.builder().build());

  @TempDir Path dir;

  @Test
  void anEvaluatorsVerdictIsReadAsARunWouldReadIt() throws IOException {
    ConstantPlugins.write(dir, "always", PluginKind.EVALUATOR, "{\"pass\": false, \"score\": 0.25, \"reason\": \"too long\"}");

    PluginTrial trial = tester.test(dir, Json.mapper().readTree("{\"output\": \"Lyon\", \"expected\": [\"Paris\"]}"));

    assertThat(trial).extracting(PluginTrial::outcome, PluginTrial::verdict, PluginTrial::passed)
        .containsExactly(PluginTrial.Outcome.CALLED, "fail, score 0.25: too long", false);
    assertThat(Json.write(trial.input()))
        .isEqualTo(
            "{\"output\":\"Lyon\",\"prompt\":\"\",\"vars\":{},\"expected\":[\"Paris\"],\"threshold\":null,\"config\":{},"
                + "\"test\":{\"description\":null,\"metadata\":{}},\"provider\":null}");
  }

  @Test
  void aTransformShowsTheOutputTheAssertionsWouldSee() throws IOException {
    ConstantPlugins.write(dir, "rewrite", PluginKind.TRANSFORM, "{\"output\": \"Paris.\", \"vars\": {\"n\": 1}}");

    PluginTrial trial = tester.test(dir.resolve("rewrite.wasm"), null);

    assertThat(trial.verdict()).isEqualTo("output \"Paris.\", vars {\"n\":1}");
    assertThat(trial.passed()).isTrue();
  }

  @Test
  void aScorerGetsTheSampleAssertionsAndDecidesTheTest() throws IOException {
    ConstantPlugins.write(dir, "lenient", PluginKind.SCORER, "{\"pass\": true, \"score\": 0.5}");

    PluginTrial trial = tester.test(dir.resolve("plugin.json"), null);

    assertThat(trial.input().path("assertions")).hasSize(2);
    assertThat(trial.verdict()).isEqualTo("pass, score 0.5: scorer plugin:lenient returned pass");
  }

  @Test
  void outputOfTheWrongShapeIsAFailedCallNamingTheField() throws IOException {
    ConstantPlugins.write(dir, "shapeless", PluginKind.TRANSFORM, "{\"text\": \"Paris\"}");

    PluginTrial trial = tester.test(dir, null);

    assertThat(trial.outcome()).isEqualTo(PluginTrial.Outcome.FAILED);
    assertThat(trial.verdict())
        .isEqualTo(
            "transform plugin:shapeless: malformed output: a transform returns \"output\" (a string), \"vars\" (an"
                + " object) or both");
  }

  @Test
  void aMissingPluginCannotBeTested() {
    assertThatThrownBy(() -> tester.test(dir.resolve("nothing"), null))
        .isInstanceOf(PluginException.NotFound.class)
        .hasMessage("no such file or folder: " + dir.resolve("nothing"));
  }
}
