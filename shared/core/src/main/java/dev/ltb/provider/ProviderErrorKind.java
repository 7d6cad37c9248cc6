package dev.ltb.provider;

import java.util.Locale;

/** What went wrong with a provider call; decides whether the engine retries. */
public enum ProviderErrorKind {
  AUTHENTICATION(false),
  RATE_LIMITED(true),
  INVALID_REQUEST(false),
  CONTENT_FILTERED(false),
  SERVER_ERROR(true),
  TIMEOUT(true),
  UNAVAILABLE(true),
  MALFORMED_RESPONSE(false);

  private final boolean retryable;

  ProviderErrorKind(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }

  /** kebab-case id used in outputs: {@code rate-limited}, {@code server-error}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
