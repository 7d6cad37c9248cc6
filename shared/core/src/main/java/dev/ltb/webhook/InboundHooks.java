package dev.ltb.webhook;

import dev.ltb.tenancy.TenantId;
import java.util.Optional;

/** Port: the tenant's inbound hooks ({@code SK = HOOK#<id>} under the tenant's partition in DynamoDB). */
@FunctionalInterface
public interface InboundHooks {
  Optional<InboundHook> find(TenantId tenant, String hookId);
}
