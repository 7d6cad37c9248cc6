package dev.ltb.aws.tenant;

import dev.ltb.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant on whose behalf the current thread works: set by an entry point from the authenticated caller (the REST
 * app per request, the GraphQL handler per field) and read by {@link TenantScopedCredentialsProvider} when a
 * tenant-data client signs a request. The tenant always comes from the principal, never from a request body.
 */
public final class TenantScope {

  private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

  private TenantScope() {}

  /** Runs the rest of a try block for {@code tenant}; closing restores what was bound before. */
  public static Binding bind(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    TenantId previous = CURRENT.get();
    CURRENT.set(tenant);
    return () -> restore(previous);
  }

  /**
   * Makes {@code tenant} (or no tenant, when null) the thread's tenant until the next call: for request filters of a
   * thread pool, which replace the previous request's tenant on every request, so none is ever inherited.
   */
  public static void replace(TenantId tenant) {
    restore(tenant);
  }

  public static Optional<TenantId> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  private static void restore(TenantId tenant) {
    if (tenant == null) CURRENT.remove();
    else CURRENT.set(tenant);
  }

  /** A bound tenant; {@link #close()} never throws. */
  @FunctionalInterface
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }
}
