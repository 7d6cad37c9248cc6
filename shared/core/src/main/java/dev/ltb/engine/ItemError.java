package dev.ltb.engine;

import java.util.Objects;

/**
 * Why an item has no judged output.
 *
 * @param kind {@code rate-limited}, {@code server-error}, {@code timeout}, {@code authentication}, ... (the
 *     provider error kinds) or {@code item-timeout}, {@code template}, {@code budget-exceeded}, {@code internal}
 * @param message what happened, without secrets
 */
public record ItemError(String kind, String message) {
  public ItemError {
    Objects.requireNonNull(kind, "kind");
    message = Objects.requireNonNullElse(message, "");
  }
}
