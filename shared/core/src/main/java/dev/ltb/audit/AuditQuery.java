package dev.ltb.audit;

import dev.ltb.tenancy.PageRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * Which part of a tenant's trail to read, newest first.
 *
 * @param from oldest time included, or null
 * @param to newest time excluded, or null
 * @param page size and cursor
 */
public record AuditQuery(Instant from, Instant to, PageRequest page) {
  public AuditQuery {
    Objects.requireNonNull(page, "page");
    if (from != null && to != null && !from.isBefore(to))
      throw new IllegalArgumentException("'from' must be before 'to'");
  }

  public static AuditQuery latest(int limit) {
    return new AuditQuery(null, null, PageRequest.first(limit));
  }
}
