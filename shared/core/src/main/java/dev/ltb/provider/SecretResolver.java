package dev.ltb.provider;

import java.util.Map;
import java.util.Optional;

/**
 * Where providers read API keys. Locally the environment; in the cloud runtime a Secrets Manager adapter
 * implements this port.
 */
@FunctionalInterface
public interface SecretResolver {

  Optional<String> resolve(String name);

  static SecretResolver environment() {
    return name -> Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
  }

  static SecretResolver of(Map<String, String> values) {
    return name -> Optional.ofNullable(values.get(name));
  }
}
