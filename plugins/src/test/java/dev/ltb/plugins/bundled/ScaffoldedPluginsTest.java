package dev.ltb.plugins.bundled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.wasm.ChicoryPluginRuntime;
import dev.ltb.wasm.authoring.PluginBuilder;
import dev.ltb.wasm.authoring.PluginScaffolder;
import dev.ltb.wasm.authoring.PluginValidation;
import dev.ltb.wasm.authoring.PluginValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A new user's path in every language: scaffold a plugin, build it (its build.sh, or wat2wasm in-process for
 * WAT), validate what it built. The toolchains are the ones plugins/build.sh installed for the bundled plugins
 * (the AssemblyScript project borrows plugins/node_modules).
 */
class ScaffoldedPluginsTest {

  @TempDir Path parent;

  @ParameterizedTest
  @EnumSource(PluginScaffolder.Language.class)
  void aScaffoldedPluginBuildsAndValidates(PluginScaffolder.Language language) throws Exception {
    new PluginScaffolder().create(parent, "my-check", language);
    Path project = parent.resolve("my-check");
    if (language == PluginScaffolder.Language.AS)
      Files.createSymbolicLink(project.resolve("node_modules"), Path.of("node_modules").toAbsolutePath());

    List<String> log = new ArrayList<>();
    PluginBuilder.Build build = new PluginBuilder().build(project, log::add);

    assertThat(build.plugin().manifest().name()).as(String.join("\n", log)).isEqualTo("my-check");
    PluginValidation validation =
        new PluginValidator(ChicoryPluginRuntime.builder().build()).validate(project.resolve("dist"));
    assertThat(validation.checks()).allMatch(PluginValidation.Check::passed, "all checks pass");
    assertThat(validation.checks().get(2).detail())
        .isEqualTo(
            language == PluginScaffolder.Language.AS
                ? "pass, score 1.0: output contains \"Paris\""
                : "pass, score 1.0: output is not empty");
  }
}
