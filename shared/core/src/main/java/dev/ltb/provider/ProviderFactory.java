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
}
