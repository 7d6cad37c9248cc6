package dev.ltb.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.provider.ProviderRegistry;
import org.junit.jupiter.api.Test;

class AwsProvidersTest {

  @Test
  void offersTheBedrockFactoryForTheCliRegistry() {
    ProviderRegistry registry = new ProviderRegistry(AwsProviders.factories());

    assertThat(registry.supports("bedrock:anthropic.claude-3-haiku-20240307-v1:0")).isTrue();
    assertThat(registry.supports("bedrock:embed:amazon.titan-embed-text-v2:0")).isTrue();
    assertThat(registry.descriptors()).extracting(d -> d.prefix()).containsExactly("bedrock");
  }
}
