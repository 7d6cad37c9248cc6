package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.suite.ProviderSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test kit: a provider's page under {@code docs/providers/}, so a test can build every provider its YAML
 * examples declare and check that it documents every config key (docs that run, STYLE.md rule 15).
 */
public final class ProviderDocs {

  private static final Path DIRECTORY = Path.of("../../docs/providers");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  private final String name;
  private final String text;

  private ProviderDocs(String name, String text) {
    this.name = name;
    this.text = text;
  }

  public static ProviderDocs read(String fileName) {
    try {
      return new ProviderDocs(fileName, Files.readString(DIRECTORY.resolve(fileName)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The providers of every YAML example, as the suite declares them (an id, or {@code {id, label, config}}). */
  public List<ProviderSpec> providers() {
    List<ProviderSpec> specs = new ArrayList<>();
    Matcher block = YAML_BLOCK.matcher(text);
    while (block.find()) {
      JsonNode suite;
      try {
        suite = Json.yaml().readTree(block.group(1));
      } catch (IOException e) {
        throw new AssertionError(name + ": a YAML example does not parse: " + e.getMessage(), e);
      }
      for (JsonNode provider : suite.path("providers")) {
        specs.add(
            provider.isTextual()
                ? ProviderSpec.of(provider.asText())
                : new ProviderSpec(
                    provider.path("id").asText(), provider.path("label").asText(null), provider.get("config"), null));
      }
    }
    return specs;
  }

  /** Fails unless the page names {@code key} in backticks. */
  public void assertDocuments(String key) {
    assertThat(text).as(name + " documents config key " + key).contains("`" + key + "`");
  }
}
