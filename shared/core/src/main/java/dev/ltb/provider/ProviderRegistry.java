package dev.ltb.provider;

import dev.ltb.suite.ProviderSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves provider ids to factories by the id's first segment ({@code openai:chat:gpt-4o} → {@code openai}).
 * Built from an explicit list so that what is registered is visible in one place ({@link BuiltInProviders}).
 */
public final class ProviderRegistry {

  private final Map<String, ProviderFactory> factories = new LinkedHashMap<>();

  public ProviderRegistry(List<? extends ProviderFactory> factories) {
    for (ProviderFactory factory : factories) {
      ProviderFactory previous = this.factories.putIfAbsent(factory.descriptor().prefix(), factory);
      if (previous != null)
        throw new IllegalArgumentException("two provider factories claim prefix " + factory.descriptor().prefix());
    }
  }

  public ProviderRegistry with(ProviderFactory extra) {
    List<ProviderFactory> all = new java.util.ArrayList<>(factories.values());
    all.add(extra);
    return new ProviderRegistry(all);
  }

  public List<ProviderDescriptor> descriptors() {
    return factories.values().stream().map(ProviderFactory::descriptor).toList();
  }

  public boolean supports(String providerId) {
    return factories.containsKey(prefixOf(providerId));
  }

  public Provider create(ProviderSpec spec, ProviderContext context) {
    ProviderFactory factory = factories.get(prefixOf(spec.id()));
    if (factory == null) {
      throw new ProviderConfigException(
          "unknown provider \"" + spec.id() + "\"; known prefixes: " + String.join(", ", factories.keySet()));
    }
    return factory.create(spec, context);
  }

  /**
   * Builds the embedding model an id names (e.g. {@code ollama:embed:all-minilm}), for the similarity
   * evaluators.
   *
   * @throws ProviderConfigException when no factory has the prefix or its vendor serves no embeddings
   */
  public EmbeddingProvider createEmbedding(ProviderSpec spec, ProviderContext context) {
    ProviderFactory factory = factories.get(prefixOf(spec.id()));
    if (factory instanceof EmbeddingProviderFactory embeddings) return embeddings.createEmbedding(spec, context);
    List<String> prefixes =
        factories.values().stream()
            .filter(EmbeddingProviderFactory.class::isInstance)
            .map(known -> known.descriptor().prefix())
            .toList();
    throw new ProviderConfigException(
        "provider \"" + spec.id() + "\" makes no embeddings; prefixes with embeddings: "
            + (prefixes.isEmpty() ? "none" : String.join(", ", prefixes)));
  }

  static String prefixOf(String providerId) {
    int colon = providerId.indexOf(':');
    return colon < 0 ? providerId : providerId.substring(0, colon);
  }
}
