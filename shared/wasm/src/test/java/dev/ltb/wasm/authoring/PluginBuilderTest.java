package dev.ltb.wasm.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.plugin.ModuleHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltb plugin build}'s service: WAT compiled in-process, other projects by their build.sh. */
class PluginBuilderTest {

  @TempDir Path parent;

  @Test
  void compilesAWatProjectAndWritesItsHash() throws IOException {
    new PluginScaffolder().create(parent, "my-check", PluginScaffolder.Language.WAT);
    List<String> log = new ArrayList<>();

    PluginBuilder.Build build = new PluginBuilder().build(parent.resolve("my-check"), log::add);

    byte[] module = Files.readAllBytes(parent.resolve("my-check/dist/my-check.wasm"));
    assertThat(build.plugin().manifest().sha256()).isEqualTo(ModuleHash.sha256(module));
    assertThat(build.distribution()).isEqualTo(parent.resolve("my-check/dist"));
    assertThat(log).containsExactly("compiled my-check.wat to dist/my-check.wasm (sha256 " + ModuleHash.sha256(module) + ")");
  }

  @Test
  void aBuildScriptThatFailsIsReportedWithItsLastLines() throws IOException {
    Path project = Files.createDirectories(parent.resolve("broken"));
    Files.writeString(project.resolve("build.sh"), "echo compiling\necho 'error: x is undefined' >&2\nexit 3\n");

    assertThatThrownBy(() -> new PluginBuilder().build(project, line -> {}))
        .isInstanceOf(PluginBuildException.class)
        .hasMessage("build.sh in " + project + " failed (exit 3):\ncompiling\nerror: x is undefined");
  }

  @Test
  void aBuildThatWritesNoPluginIsReported() throws IOException {
    Path project = Files.createDirectories(parent.resolve("empty"));
    Files.writeString(project.resolve("build.sh"), "mkdir -p dist\n");

    assertThatThrownBy(() -> new PluginBuilder().build(project, line -> {}))
        .isInstanceOf(PluginBuildException.class)
        .hasMessageStartingWith("the build finished, but dist/ holds no valid plugin: no plugin.json in " + project);
  }

  @Test
  void aBuildThatHangsIsStopped() throws IOException {
    Path project = Files.createDirectories(parent.resolve("slow"));
    Files.writeString(project.resolve("build.sh"), "sleep 30\n");

    assertThatThrownBy(() -> new PluginBuilder(Duration.ofMillis(300)).build(project, line -> {}))
        .isInstanceOf(PluginBuildException.class)
        .hasMessage("build.sh in " + project + " did not finish within 300 ms and was stopped");
  }

  @Test
  void aFolderWithNothingToBuildIsNotBuilt() throws IOException {
    Path project = Files.createDirectories(parent.resolve("nothing"));

    assertThatThrownBy(() -> new PluginBuilder().build(project, line -> {}))
        .isInstanceOf(PluginBuildException.class)
        .hasMessage(project + " has no build.sh, and is not a WAT project (plugin.json and one .wat file): nothing to build");
  }
}
