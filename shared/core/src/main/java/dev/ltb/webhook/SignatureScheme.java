package dev.ltb.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an inbound hook's sender signs. */
public enum SignatureScheme {
  /** {@code X-Hub-Signature-256} + {@code X-GitHub-Delivery} (GitHub, Gitea, Forgejo). */
  GITHUB,
  /** {@code X-LTB-Signature} with a timestamp + {@code X-LTB-Delivery} (any sender; see docs/tenancy.md). */
  LTB;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
