package dev.ltb.suite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ltb.dataset.Dataset;
import dev.ltb.dataset.DatasetFormat;
import dev.ltb.dataset.DatasetRef;
import dev.ltb.dataset.DatasetVersion;
import dev.ltb.plugin.ModuleHash;
import dev.ltb.suite.Suite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/suite-format.md runs: every YAML example loads, files shown with {@code <!-- file: name -->} are the
 * files the examples reference, and the example marked {@code <!-- invalid -->} fails with exactly the
 * messages the doc prints after it. Examples marked {@code <!-- plugins -->} are loaded by the CLI's tests.
 */
class SuiteFormatDocTest {

  private static final Path DOC = Path.of("../../docs/suite-format.md");

  private record Block(String language, String text, String marker) {}

  @TempDir Path dir;

  @Test
  void everyExampleInTheSuiteFormatDocRuns() throws IOException {
    List<Block> blocks = blocks(Files.readAllLines(DOC));
    for (Block block : blocks) {
      if (block.marker().startsWith("file:")) {
        Path file = dir.resolve(block.marker().substring("file:".length()).strip());
        Files.createDirectories(file.getParent());
        Files.writeString(file, block.text());
      }
    }

    int loaded = 0;
    int rejected = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      // Examples with bundled plugins need the plugin host, which the core does not have: the CLI's
      // SuiteFormatPluginsDocTest loads them.
      if (!block.language().equals("yaml") || block.marker().startsWith("file:") || block.marker().equals("plugins"))
        continue;
      if (block.marker().equals("cloud")) {
        // dataset:// examples load as the plan step loads them: here the doc's own CSV serves as the dataset
        Suite suite = TestVocabulary.loader().withDatasets(this::docDataset).parse(block.text(), "suite.yaml", dir);
        assertThat(suite.datasets()).isNotEmpty();
        assertThat(suite.tests()).hasSizeGreaterThan(suite.datasets().getFirst().rows());
        loaded++;
      } else if (block.marker().equals("invalid")) {
        SuiteValidationException failure =
            catchThrowableOfType(
                SuiteValidationException.class, () -> TestVocabulary.loader().parse(block.text(), "suite.yaml", dir));
        assertThat(failure).as("the invalid example must be rejected").isNotNull();
        assertThat(failure.getMessage() + "\n").isEqualTo(blocks.get(i + 1).text());
        rejected++;
      } else {
        assertThat(TestVocabulary.loader().parse(block.text(), "suite.yaml", dir).prompts()).isNotEmpty();
        loaded++;
      }
    }
    assertThat(loaded).isGreaterThanOrEqualTo(10);
    assertThat(rejected).isEqualTo(1);
  }

  /** The doc's {@code cases/<name>.csv}, as the ready dataset {@code <name>}. */
  private Optional<Dataset> docDataset(DatasetRef ref) {
    Path file = dir.resolve("cases/" + ref.name() + ".csv");
    try {
      String text = Files.readString(file);
      String sha256 = ModuleHash.sha256(text.getBytes(StandardCharsets.UTF_8));
      return Optional.of(new Dataset(
          DatasetVersion.registered(ref.name(), sha256, DatasetFormat.CSV, text.length(), Instant.EPOCH)
              .ready(0, Instant.EPOCH), text));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static List<Block> blocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    String marker = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("<!--")) {
        marker = line.replace("<!--", "").replace("-->", "").strip();
      } else if (line.startsWith("```") && line.length() > 3) {
        StringBuilder text = new StringBuilder();
        int end = i + 1;
        while (!lines.get(end).startsWith("```")) text.append(lines.get(end++)).append('\n');
        blocks.add(new Block(line.substring(3).strip(), text.toString(), marker));
        marker = "";
        i = end;
      } else if (!line.isBlank()) {
        marker = "";
      }
    }
    return blocks;
  }
}
