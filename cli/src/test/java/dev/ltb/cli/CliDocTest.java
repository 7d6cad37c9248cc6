package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every option docs/cli.md documents in an options table must exist on its command. */
class CliDocTest {

  private static final Path DOC = Path.of("../docs/cli.md");

  @Test
  void everyDocumentedOptionExists() throws Exception {
    String doc = Files.readString(DOC);
    CommandLine ltb = Ltb.commandLine();
    Matcher section = Pattern.compile("(?m)^## `ltb (\\w+)`\\n").matcher(doc);
    List<String> checked = new ArrayList<>();
    while (section.find()) {
      String command = section.group(1);
      int end = doc.indexOf("\n## ", section.end());
      String body = doc.substring(section.end(), end < 0 ? doc.length() : end);
      CommandLine.Model.CommandSpec spec = ltb.getSubcommands().get(command).getCommandSpec();
      Matcher row = Pattern.compile("(?m)^\\| `([^|]+)` \\|").matcher(body);
      while (row.find())
        for (String option : row.group(1).split("`, `|, ")) {
          String name = option.strip().split(" ")[0];
          if (!name.startsWith("-")) continue; // a subcommand's row (`plugin new NAME`), not an option
          assertThat(spec.findOption(name)).as("ltb %s %s in %s", command, name, DOC).isNotNull();
          checked.add(command + " " + name);
        }
    }
    assertThat(checked).contains("run --output", "compare --output", "compare --html-cases", "analyze --output",
        "analyze --weights");
  }
}
