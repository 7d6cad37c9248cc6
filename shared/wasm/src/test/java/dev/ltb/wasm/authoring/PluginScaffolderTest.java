package dev.ltb.wasm.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.plugin.PluginManifest;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The files of a new project; plugins/ builds and validates scaffolded projects end to end. */
class PluginScaffolderTest {

  private final PluginScaffolder scaffolder = new PluginScaffolder();

  @TempDir Path parent;

  @Test
  void writesAnAssemblyScriptProject() throws Exception {
    assertThat(scaffolder.create(parent, "my-check", PluginScaffolder.Language.AS))
        .containsExactly(
            Path.of("package.json"), Path.of("assembly/index.ts"), Path.of("assembly/json.ts"), Path.of("plugin.json"),
            Path.of("build.sh"));
    assertThat(Files.readString(parent.resolve("my-check/build.sh"))).contains("--outFile dist/my-check.wasm");
    assertThat(Files.isExecutable(parent.resolve("my-check/build.sh"))).isTrue();
  }

  @Test
  void writesACProject() {
    assertThat(scaffolder.create(parent, "my-check", PluginScaffolder.Language.C))
        .containsExactly(Path.of("my-check.c"), Path.of("ltb_plugin.h"), Path.of("plugin.json"), Path.of("build.sh"));
  }

  @Test
  void writesAWatProjectThatNeedsNoBuildScript() throws Exception {
    assertThat(scaffolder.create(parent, "my-check", PluginScaffolder.Language.WAT))
        .containsExactly(Path.of("my-check.wat"), Path.of("plugin.json"));
    assertThat(Files.readString(parent.resolve("my-check/my-check.wat"))).startsWith(";; my-check: ");
  }

  @ParameterizedTest
  @EnumSource(PluginScaffolder.Language.class)
  void theManifestNamesThePluginAndItsModule(PluginScaffolder.Language language) throws Exception {
    scaffolder.create(parent, "word-check", language);

    PluginManifest manifest =
        PluginManifest.parse(Files.readString(parent.resolve("word-check/plugin.json")), "plugin.json");
    assertThat(manifest.name()).isEqualTo("word-check");
    assertThat(manifest.module()).isEqualTo("word-check.wasm");
  }

  @Test
  void refusesANameThatIsNotKebabCase() {
    assertThatThrownBy(() -> scaffolder.create(parent, "My Check", PluginScaffolder.Language.C))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plugin name must be kebab-case (e.g. my-check), was My Check");
  }

  @Test
  void neverOverwritesAnExistingDirectory() throws Exception {
    Files.createDirectory(parent.resolve("taken"));

    assertThatThrownBy(() -> scaffolder.create(parent, "taken", PluginScaffolder.Language.AS))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void theTemplatesHelpersAreTheOnesTheExamplesUse() throws Exception {
    Path plugins = Path.of("../../plugins").toAbsolutePath().normalize();

    assertThat(resource("templates/as/assembly/json.ts"))
        .isEqualTo(Files.readString(plugins.resolve("contains-all/assembly/json.ts")))
        .isEqualTo(Files.readString(plugins.resolve("weakest-link/assembly/json.ts")));
    assertThat(resource("templates/c/ltb_plugin.h")).isEqualTo(Files.readString(plugins.resolve("include/ltb_plugin.h")));
  }

  private static String resource(String name) throws Exception {
    try (var in = PluginScaffolder.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
