package dev.ltb.webhook;

import dev.ltb.security.SecretValue;
import dev.ltb.tenancy.TenantId;
import java.util.Optional;

/**
 * Port: the HMAC secret of an inbound hook or outbound webhook, by id. Read at verification and signing time only
 * (Secrets Manager in AWS, cached briefly); never returned by the API after creation.
 */
@FunctionalInterface
public interface WebhookSecrets {
  Optional<SecretValue> find(TenantId tenant, String id);
}
