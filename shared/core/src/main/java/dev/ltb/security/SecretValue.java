package dev.ltb.security;

import java.util.Objects;

/**
 * A secret (API key, webhook secret, provider credential) that does not print itself: {@link #toString} says
 * {@code [REDACTED]}, so a secret inside a record, a log argument or an exception message stays hidden. Call
 * {@link #reveal} only where the value is used.
 */
public final class SecretValue {

  private final String value;

  private SecretValue(String value) {
    this.value = Objects.requireNonNull(value, "value");
    if (value.isEmpty()) throw new IllegalArgumentException("a secret must not be empty");
  }

  public static SecretValue of(String value) {
    return new SecretValue(value);
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
