package dev.ltb.provider;

import dev.ltb.suite.ProviderSpec;

/** Builds providers of one vendor API; registered in {@link ProviderRegistry}. */
public interface ProviderFactory {

  ProviderDescriptor descriptor();

  /**
   * Builds the provider for a suite entry whose id this factory matches.
   *
   * @throws ProviderConfigException when the config is unusable (missing key, bad base URL, ...)
   */
  Provider create(ProviderSpec spec, ProviderContext context);

  /**
   * Builds the embedding model for a suite entry whose id this factory matches, e.g. {@code
   * openai:embedding:text-embedding-3-small}.
   *
   * @throws ProviderConfigException when this family has no embedding API or the config is unusable
   */
  default EmbeddingProvider createEmbedding(ProviderSpec spec, ProviderContext context) {
    throw new ProviderConfigException(
        "provider " + spec.id() + ": " + descriptor().prefix() + " providers have no embedding API");
  }
}
