package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.provider.echo.EchoProvider;
import dev.ltb.provider.ollama.OllamaProviderFactory;
import dev.ltb.suite.ProviderSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderRegistryEmbeddingTest {

  private final ProviderRegistry registry = new ProviderRegistry(List.of(new EchoProvider.Factory(), new OllamaProviderFactory()));
  private final ProviderContext context =
      new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(Map.of()), null);

  @Test
  void embeddingModelsAreBuiltByTheirVendorsFactory() {
    assertThat(registry.createEmbedding(ProviderSpec.of("ollama:embed:all-minilm"), context).id())
        .isEqualTo("ollama:embed:all-minilm");
  }

  @Test
  void aVendorWithoutEmbeddingsIsAConfigError() {
    assertThatThrownBy(() -> registry.createEmbedding(ProviderSpec.of("echo"), context))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider echo: echo providers have no embedding API");
  }
}
