package dev.ltb.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/providers/openai.md must say what the code does: its presets table lists every preset as registered. */
class OpenAiDocsTest {

  private static final Path DOC = Path.of("../../docs/providers/openai.md");

  @Test
  void thePresetsTableMatchesThePresets() throws IOException {
    String doc = Files.readString(DOC);
    String section = doc.substring(doc.indexOf("## OpenAI-compatible presets"), doc.indexOf("## Sources"));
    List<String> rows =
        Pattern.compile("(?m)^\\| `([a-z-]+)` \\| [^|]+ \\| ([^|]+) \\| ([^|]+) \\| (yes|no) \\|$")
            .matcher(section)
            .results()
            .map(row -> String.join(" ", row.group(1), row.group(2).strip(), row.group(3).strip(), row.group(4)))
            .toList();

    List<String> presets =
        OpenAiCompatibleVendor.PRESETS.stream()
            .map(vendor -> String.join(" ", vendor.prefix(),
                vendor.defaultBaseUrl() == null ? "(config `apiBaseUrl`, required)" : "`" + vendor.defaultBaseUrl() + "`",
                vendor.apiKeyVariable() == null ? "(config `apiKey` / `apiKeyEnvar`)" : "`" + vendor.apiKeyVariable() + "`",
                vendor.apiKeyRequired() ? "yes" : "no"))
            .toList();
    assertThat(rows).containsExactlyElementsOf(presets);
  }

  @Test
  void everyPresetIsRegistered() {
    List<String> prefixes = BuiltInProviders.registry().descriptors().stream().map(ProviderDescriptor::prefix).toList();

    assertThat(prefixes)
        .containsAll(OpenAiCompatibleVendor.PRESETS.stream().map(OpenAiCompatibleVendor::prefix).toList())
        .contains("openai", "azure");
  }
}
