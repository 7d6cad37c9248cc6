package dev.ltb.provider;

/**
 * A model that turns text into a vector (the similarity evaluators use it). Implementations are thread-safe
 * and never retry; like {@link Provider#complete}, a failed call throws {@link ProviderException}.
 */
public interface EmbeddingProvider {

  /** The id as written in the suite, e.g. {@code bedrock:embed:amazon.titan-embed-text-v2:0}. */
  String id();

  Embedding embed(String text);
}
