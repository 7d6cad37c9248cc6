package dev.ltb.webhook;

import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link DeliveryLog} of one process (tests, single-process use); the cursor is an offset. */
public final class InMemoryDeliveryLog implements DeliveryLog {

  private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();

  @Override
  public void append(DeliveryAttempt attempt) {
    attempts.add(attempt);
  }

  @Override
  public Page<DeliveryAttempt> list(TenantId tenant, String webhookId, PageRequest page) {
    List<DeliveryAttempt> matching = new ArrayList<>();
    for (int i = attempts.size() - 1; i >= 0; i--) {
      DeliveryAttempt attempt = attempts.get(i);
      if (attempt.tenantId().equals(tenant) && attempt.webhookId().equals(webhookId)) matching.add(attempt);
    }
    int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
    int to = Math.min(matching.size(), from + page.limit());
    List<DeliveryAttempt> items = matching.subList(Math.min(from, matching.size()), to);
    return new Page<>(items, to < matching.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
  }
}
