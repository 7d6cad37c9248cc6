package dev.ltb.webhook;

import dev.ltb.tenancy.TenantId;
import java.time.Instant;

/**
 * Port: delivery ids seen per hook, so a replayed request is refused. {@link #remember} is a conditional insert:
 * DynamoDB {@code PutItem} with {@code attribute_not_exists(SK)} on {@code SK = HOOKDLV#<hook>#<delivery>} (with a
 * TTL attribute for clean-up; correctness never depends on TTL).
 */
public interface DeliveryIds {
  /** True the first time (tenant, hook, delivery) is seen, false on every later call. */
  boolean remember(TenantId tenant, String hookId, String deliveryId, Instant at);

  /**
   * Undoes {@link #remember} for a delivery that started nothing (e.g. refused by the plan's quota), so the sender's
   * redelivery is taken once the cause is fixed.
   */
  void forget(TenantId tenant, String hookId, String deliveryId);
}
