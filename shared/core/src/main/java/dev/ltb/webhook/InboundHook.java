package dev.ltb.webhook;

import dev.ltb.tenancy.Ids;
import dev.ltb.tenancy.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * An inbound trigger, {@code POST /hooks/{tenant}/{hook}}: which suite to run, how the sender signs, how its payload
 * becomes vars. Its secret lives apart ({@link WebhookSecrets}).
 *
 * @param tenantId owner
 * @param hookId id in the URL
 * @param suiteId the stored suite to run
 * @param scheme how requests are signed
 * @param mapping payload to vars
 * @param events for {@link SignatureScheme#GITHUB}: the {@code X-GitHub-Event} values that start a run (e.g.
 *     {@code push}); others are acknowledged and ignored. Empty: every event
 * @param enabled a disabled hook answers like an unknown one
 */
public record InboundHook(
    TenantId tenantId, String hookId, String suiteId, SignatureScheme scheme, PayloadMapping mapping,
    Set<String> events, boolean enabled) {

  public InboundHook {
    Objects.requireNonNull(tenantId, "tenantId");
    Ids.requireResourceId("hookId", hookId);
    Ids.requireResourceId("suiteId", suiteId);
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(mapping, "mapping");
    events = events == null ? Set.of() : Set.copyOf(events);
  }

  /** The principal a hook's runs are started by: {@code hook:<hookId>}. */
  public String principalId() {
    return "hook:" + hookId;
  }
}
