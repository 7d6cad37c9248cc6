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
  private final ProviderDecorator decorator;

  public ProviderRegistry(List<? extends ProviderFactory> factories) {
    this(factories, (spec, provider) -> provider);
  }

  private ProviderRegistry(List<? extends ProviderFactory> factories, ProviderDecorator decorator) {
    this.decorator = decorator;
    for (ProviderFactory factory : factories) {
      ProviderFactory previous = this.factories.putIfAbsent(factory.descriptor().prefix(), factory);
      if (previous != null)
        throw new IllegalArgumentException("two provider factories claim prefix " + factory.descriptor().prefix());
    }
  }

  public ProviderRegistry with(ProviderFactory extra) {
    List<ProviderFactory> all = new java.util.ArrayList<>(factories.values());
    all.add(extra);
    return new ProviderRegistry(all, decorator);
  }

  /** A registry that wraps every provider it builds with {@code decorator} (e.g. the response cache). */
  public ProviderRegistry decoratedWith(ProviderDecorator decorator) {
    ProviderDecorator inner = this.decorator;
    return new ProviderRegistry(
        List.copyOf(factories.values()),
        (spec, provider) -> decorator.decorate(spec, inner.decorate(spec, provider)));
  }

  public List<ProviderDescriptor> descriptors() {
    return factories.values().stream().map(ProviderFactory::descriptor).toList();
  }

  public boolean supports(String providerId) {
    return factories.containsKey(prefixOf(providerId));
  }

  public Provider create(ProviderSpec spec, ProviderContext context) {
    return decorator.decorate(spec, factoryFor(spec).create(spec, context));
  }

  /** The embedding model an id names, e.g. {@code openai:embedding:text-embedding-3-small}. */
  public EmbeddingProvider createEmbedding(ProviderSpec spec, ProviderContext context) {
    return factoryFor(spec).createEmbedding(spec, context);
  }

  private ProviderFactory factoryFor(ProviderSpec spec) {
    ProviderFactory factory = factories.get(prefixOf(spec.id()));
    if (factory == null) {
      throw new ProviderConfigException(
          "unknown provider \"" + spec.id() + "\"; known prefixes: " + String.join(", ", factories.keySet()));
    }
    return factory;
  }

  static String prefixOf(String providerId) {
    int colon = providerId.indexOf(':');
    return colon < 0 ? providerId : providerId.substring(0, colon);
  }
}
