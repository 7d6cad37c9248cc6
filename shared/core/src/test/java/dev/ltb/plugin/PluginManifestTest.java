package dev.ltb.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PluginManifestTest {

  private static final String SHA = "a".repeat(64);

  @Test
  void readsAManifestAndTakesDefaultsForWhatItLeavesOut() {
    PluginManifest manifest =
        PluginManifest.parse(
            """
            {"name": "contains-all", "version": "1.2.0", "kind": "evaluator", "module": "contains-all.wasm",
             "sha256": "%s", "capabilities": ["log", "config"], "limits": {"timeoutMs": 500}}
            """
                .formatted(SHA.toUpperCase()),
            "plugins/contains-all/plugin.json");

    assertThat(manifest)
        .isEqualTo(
            new PluginManifest(
                "contains-all", "1.2.0", PluginKind.EVALUATOR, null, "contains-all.wasm", SHA, null,
                Set.of("config", "log"), new PluginLimits(256, 500, 1024 * 1024)));
    assertThat(manifest.evaluatorId()).isEqualTo("plugin:contains-all");
    assertThat(PluginManifest.parse(manifest.toJson(), "round trip")).isEqualTo(manifest);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\": \"Bad Name\", \"version\": \"1\", \"kind\": \"evaluator\", \"module\": \"m.wasm\", \"sha256\": \"%s\"}"
            + "| p.json: plugin manifest: name must be kebab-case (e.g. my-check), was Bad Name",
        "{\"name\": \"ok\", \"version\": \"1\", \"kind\": \"grader\", \"module\": \"m.wasm\", \"sha256\": \"%s\"}"
            + "| p.json: unknown plugin kind 'grader': use evaluator, transform or scorer",
        "{\"name\": \"ok\", \"version\": \"1\", \"kind\": \"evaluator\", \"module\": \"m.wasm\"}"
            + "| p.json: plugin manifest: sha256 is required: the module's SHA-256 as 64 hex digits (plugins/build.sh"
            + " writes it)",
        "{\"name\": \"ok\", \"version\": \"1\", \"kind\": \"evaluator\", \"module\": \"m.wasm\", \"sha256\": \"%s\","
            + " \"limits\": {\"memoryPages\": 100000}}"
            + "| p.json: limits.memoryPages must be within [1, 4096], was 100000",
        "{\"name\": \"ok\", \"version\": \"1\", \"kind\": \"evaluator\", \"module\": \"m.wasm\", \"sha256\": \"%s\","
            + " \"limits\": {\"timeoutMs\": 0}}"
            + "| p.json: limits.timeoutMs must be within [1, 60000], was 0",
      })
  void saysWhatIsWrongWithABadManifest(String json, String message) {
    assertThatThrownBy(() -> PluginManifest.parse(json.formatted(SHA), "p.json"))
        .isInstanceOf(PluginException.InvalidManifest.class)
        .hasMessageStartingWith(message);
  }
}
