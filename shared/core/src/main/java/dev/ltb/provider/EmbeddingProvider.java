package dev.ltb.provider;

/**
 * A model that turns text into a vector (the similarity evaluators compare them). Implementations are
 * thread-safe and never retry; failures are {@link ProviderException}s with secrets redacted, as for {@link
 * Provider}. Built by {@link ProviderRegistry#createEmbedding}.
 */
public interface EmbeddingProvider {

  /** The id as written in the suite, e.g. {@code openai:embedding:text-embedding-3-small}. */
  String id();

  /**
   * Embeds one text.
   *
   * @throws ProviderException when the call failed
   */
  Embedding embed(String text);
}
