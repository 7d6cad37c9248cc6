package dev.ltb.security;

import java.util.Objects;

/**
 * A key just issued: the plaintext, to be shown to its creator exactly once, and what was stored.
 *
 * @param key the key itself; nothing stores it
 * @param record what the store keeps
 */
public record IssuedApiKey(SecretValue key, ApiKeyRecord record) {
  public IssuedApiKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(record, "record");
  }
}
