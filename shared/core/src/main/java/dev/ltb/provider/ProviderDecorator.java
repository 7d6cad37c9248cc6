package dev.ltb.provider;

import dev.ltb.suite.ProviderSpec;

/**
 * Wraps every provider a registry builds, for cross-cutting behaviour (the response cache); see {@link
 * ProviderRegistry#decoratedWith}.
 */
@FunctionalInterface
public interface ProviderDecorator {

  /** The provider to use instead of {@code provider}, built for {@code spec}; may be {@code provider} itself. */
  Provider decorate(ProviderSpec spec, Provider provider);
}
