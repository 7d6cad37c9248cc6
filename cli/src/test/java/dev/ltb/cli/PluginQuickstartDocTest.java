package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/plugins.md's quickstart, done as a new user does it: its commands, run one after the other by a real
 * {@code ltb} process in an empty folder, and its suite. The AssemblyScript toolchain is the one the plugins
 * module's build installed (the new project links plugins/node_modules instead of installing it again).
 */
@Tag("slow")
class PluginQuickstartDocTest {

  private static final Path DOC = Path.of("../docs/plugins.md");
  private static final Path TEMPLATE =
      Path.of("../shared/wasm/src/main/resources/dev/ltb/wasm/authoring/templates/as/assembly/index.ts");

  private record Ran(int exitCode, String output) {}

  @TempDir Path dir;

  @Test
  void theQuickstartCommandsBuildAPluginThatJudgesARun() throws Exception {
    List<String> doc = Files.readAllLines(DOC);
    List<String> commands = block(doc, "quickstart: commands").lines().filter(line -> !line.isBlank()).toList();
    Files.writeString(dir.resolve("my-suite.yaml"), block(doc, "quickstart: my-suite.yaml"));
    assertThat(commands).hasSize(5);

    List<Ran> ran = new ArrayList<>();
    for (String command : commands) {
      assertThat(command).startsWith("ltb ");
      Ran result = ltb(words(command.substring(4)));
      assertThat(result.exitCode()).as(command + "\n" + result.output()).isZero();
      ran.add(result);
      if (command.startsWith("ltb plugin new"))
        Files.createSymbolicLink(
            dir.resolve("my-check/node_modules"), Path.of("../plugins/node_modules").toAbsolutePath().normalize());
    }

    assertThat(ran.get(2).output()).contains("verdict  pass, score 1.0: output contains \"Paris\"");
    assertThat(ran.get(3).output()).contains("ok   smoke call  pass, score 1.0: output contains \"Paris\"");
    assertThat(ran.get(4).output()).contains("Total: 2 items, 2 passed, 0 failed, 0 errors");
  }

  @Test
  void theQuickstartShowsTheTemplatesCode() throws IOException {
    String shown = block(Files.readAllLines(DOC), "quickstart: template");

    assertThat(Files.readString(TEMPLATE)).contains(shown.strip());
  }

  /** Runs the CLI in its own process in the test's folder, as a user's shell would. */
  private Ran ltb(List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Ltb.class.getName());
    command.addAll(args);
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Ran(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** The fenced block after {@code <!-- marker -->}, without the indentation of the list item it is in. */
  private static String block(List<String> lines, String marker) {
    int at = lines.indexOf(lines.stream().filter(line -> line.strip().equals("<!-- " + marker + " -->")).findFirst().orElseThrow());
    int open = at + 1;
    while (!lines.get(open).strip().startsWith("```")) open++;
    int indent = lines.get(open).indexOf("```");
    StringBuilder text = new StringBuilder();
    for (int i = open + 1; !lines.get(i).strip().equals("```"); i++) {
      String line = lines.get(i);
      text.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
    }
    return text.toString();
  }

  /** Shell words: split at spaces, double quotes keep a phrase together. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (!word.isEmpty()) words.add(word.toString());
        word.setLength(0);
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) words.add(word.toString());
    return words;
  }
}
