package dev.ltb.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an audited action ended. */
public enum AuditResult {
  /** Allowed and done. */
  SUCCEEDED,
  /** Refused: authentication, role, tenant, signature, replay or quota. */
  DENIED,
  /** Allowed but it failed (bad input, a dependency error). */
  FAILED;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
