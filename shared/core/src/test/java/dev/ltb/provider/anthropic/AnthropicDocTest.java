package dev.ltb.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDocs;
import dev.ltb.provider.SecretResolver;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/providers/anthropic.md runs: its suites build providers, and it documents every config key. */
class AnthropicDocTest {

  private static final ProviderDocs DOC = ProviderDocs.read("anthropic.md");

  @Test
  void everyProviderInTheExamplesCanBeBuilt() {
    ProviderContext context =
        new ProviderContext(
            ProviderContext.defaultHttpClient(), SecretResolver.of(Map.of("ANTHROPIC_API_KEY", "k")), Path.of("."));

    List<ProviderSpec> specs = DOC.providers();

    assertThat(specs).hasSizeGreaterThanOrEqualTo(4);
    for (ProviderSpec spec : specs)
      assertThat(new AnthropicMessagesProvider.Factory().create(spec, context).id()).isEqualTo(spec.id());
  }

  @Test
  void documentsEveryConfigKey() {
    assertThat(AnthropicMessagesProvider.DESCRIPTOR.configKeys()).allSatisfy(DOC::assertDocuments);
  }
}
