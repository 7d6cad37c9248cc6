package dev.ltb.provider;

/**
 * A model that turns text into a vector, for the similarity evaluators. Implementations are thread-safe and
 * never retry (the caller owns retries), like {@link Provider}.
 */
public interface EmbeddingProvider {

  /** The id as written in the suite, e.g. {@code ollama:embed:all-minilm}. */
  String id();

  /**
   * Embeds one text.
   *
   * @throws ProviderException when the call failed; its kind says whether a retry can help
   */
  Embedding embed(String text);
}
