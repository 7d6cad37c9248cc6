package dev.ltb.webhook;

import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.TenantId;

/** Port: every delivery attempt per webhook, newest first ({@code SK = WHLOG#<webhook>#<time>#<delivery>#<attempt>}). */
public interface DeliveryLog {

  void append(DeliveryAttempt attempt);

  Page<DeliveryAttempt> list(TenantId tenant, String webhookId, PageRequest page);
}
