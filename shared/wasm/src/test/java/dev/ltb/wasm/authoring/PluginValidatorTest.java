package dev.ltb.wasm.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.ltb.plugin.PluginKind;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.wasm.ChicoryPluginRuntime;
import dev.ltb.wasm.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginValidatorTest {

  private final PluginValidator validator = new PluginValidator(ChicoryPluginRuntime.builder().build());

  @TempDir Path directory;

  @Test
  void aGoodPluginPassesEveryCheck() throws IOException {
    write("not-empty", wat("wat/not-empty.wat"));

    PluginValidation validation = validator.validate(directory.resolve("not-empty.wasm"));

    assertThat(validation.valid()).isTrue();
    assertThat(validation.checks())
        .extracting(PluginValidation.Check::name, PluginValidation.Check::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("manifest", "not-empty 1.0.0, evaluator"),
            org.assertj.core.groups.Tuple.tuple(
                "module", wat("wat/not-empty.wat").length + " bytes, sha256 matches, imports and exports fit the sandbox"),
            org.assertj.core.groups.Tuple.tuple("smoke call", "pass, score 1.0: output is not empty"));
  }

  @Test
  void aPluginReturningTheWrongShapeFailsTheSmokeCall() throws IOException {
    write("echo", wat("wat/echo.wat"));

    PluginValidation validation = validator.validate(directory);

    assertThat(validation.valid()).isFalse();
    assertThat(validation.checks().get(2))
        .isEqualTo(
            new PluginValidation.Check(
                "smoke call", false, "plugin:echo: malformed output: \"pass\" must be true or false"));
  }

  @Test
  void aModuleWithoutItsEntryPointStopsAtTheModuleCheck() throws IOException {
    write("no-entry", wat("hostile/missing-export.wat"));

    PluginValidation validation = validator.validate(directory.resolve("plugin.json"));

    assertThat(validation.checks())
        .containsExactly(
            new PluginValidation.Check("manifest", true, "no-entry 1.0.0, evaluator"),
            new PluginValidation.Check(
                "module",
                false,
                "plugin no-entry does not export function 'evaluate', which every evaluator plugin must (its exports: run)"));
  }

  @Test
  void anUnreadableManifestIsReported() throws IOException {
    Files.writeString(directory.resolve("plugin.json"), "{\"name\": \"x\"");

    PluginValidation validation = validator.validate(directory);

    assertThat(validation.valid()).isFalse();
    assertThat(validation.checks()).hasSize(1);
    assertThat(validation.checks().get(0).name()).isEqualTo("manifest");
  }

  private void write(String name, byte[] module) throws IOException {
    Files.write(directory.resolve(name + ".wasm"), module);
    PluginManifest manifest =
        new PluginManifest(
            name, "1.0.0", PluginKind.EVALUATOR, null, name + ".wasm", Sha256.hex(module), null, Set.of(), null);
    Files.writeString(directory.resolve("plugin.json"), manifest.toJson());
  }

  private static byte[] wat(String resource) throws IOException {
    try (InputStream in = PluginValidatorTest.class.getResourceAsStream("/" + resource)) {
      return Wat2Wasm.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

}
