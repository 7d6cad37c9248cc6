package dev.ltb.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDocs;
import dev.ltb.provider.SecretResolver;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/providers/gemini.md runs: its suites build providers, and it documents every config key. */
class GeminiDocTest {

  private static final ProviderDocs DOC = ProviderDocs.read("gemini.md");

  @Test
  void everyProviderInTheExamplesCanBeBuilt() {
    ProviderContext context =
        new ProviderContext(
            ProviderContext.defaultHttpClient(), SecretResolver.of(Map.of("GEMINI_API_KEY", "k")), Path.of("."));

    List<ProviderSpec> specs = DOC.providers();

    assertThat(specs).hasSizeGreaterThanOrEqualTo(4);
    for (ProviderSpec spec : specs) {
      String prefix = spec.id().substring(0, spec.id().indexOf(':'));
      assertThat(new GeminiGenerateContentProvider.Factory(prefix).create(spec, context).id()).isEqualTo(spec.id());
    }
  }

  @Test
  void documentsEveryConfigKey() {
    assertThat(new GeminiGenerateContentProvider.Factory("gemini").descriptor().configKeys())
        .allSatisfy(DOC::assertDocuments);
    assertThat(GeminiEmbeddingProvider.DESCRIPTOR.configKeys()).allSatisfy(DOC::assertDocuments);
  }
}
