package dev.ltb.provider;

import java.util.List;
import java.util.Objects;

/**
 * Describes a provider family for the registry and the docs.
 *
 * @param prefix the id's first segment that selects this factory ({@code openai} for {@code openai:chat:x})
 * @param idFormat how ids of this family are written, e.g. {@code openai:chat:<model>}
 * @param description one line for {@code ltb providers} and docs/providers.md
 * @param configKeys the config keys it understands
 */
public record ProviderDescriptor(String prefix, String idFormat, String description, List<String> configKeys) {
  public ProviderDescriptor {
    Objects.requireNonNull(prefix, "prefix");
    configKeys = List.copyOf(configKeys);
  }
}
