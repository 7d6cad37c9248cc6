package dev.ltb.progress;

import dev.ltb.security.Principal;
import java.time.Instant;
import java.util.Objects;

/**
 * An open WebSocket connection and who opened it.
 *
 * @param connectionId the gateway's id of the connection
 * @param principal the authenticated caller: its tenant is the only one whose runs the connection can follow
 * @param connectedAt when {@code $connect} accepted it
 * @param expiresAt after this the connection is treated as gone (API Gateway closes connections after 2 hours)
 */
public record Connection(String connectionId, Principal principal, Instant connectedAt, Instant expiresAt) {
  public Connection {
    ConnectionIds.require(connectionId);
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public String tenantId() {
    return principal.tenantId().value();
  }

  public boolean expired(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
