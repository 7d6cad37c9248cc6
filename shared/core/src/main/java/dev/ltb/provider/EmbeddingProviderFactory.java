package dev.ltb.provider;

import dev.ltb.suite.ProviderSpec;

/**
 * A {@link ProviderFactory} whose vendor also serves embeddings ({@code ollama:embed:<model>}, {@code
 * cohere:embed:<model>}, ...): the similarity evaluators build their embedding model through it.
 */
public interface EmbeddingProviderFactory extends ProviderFactory {

  /**
   * Builds the embedding model for an id of this factory's prefix.
   *
   * @throws ProviderConfigException when the id names no embedding API or the config is unusable
   */
  EmbeddingProvider createEmbedding(ProviderSpec spec, ProviderContext context);
}
