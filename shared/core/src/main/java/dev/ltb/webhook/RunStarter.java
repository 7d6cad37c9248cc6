package dev.ltb.webhook;

import dev.ltb.audit.RequestContext;
import dev.ltb.security.Principal;
import java.util.Map;
import java.util.Objects;

/**
 * Port: starts a run of a stored suite; the same use case behind {@code POST /runs}, so quotas
 * ({@link dev.ltb.tenancy.QuotaGuard}, which may throw {@link dev.ltb.tenancy.QuotaExceededException}) and audit
 * apply alike: the starter records the {@code runs:start} audit record, with {@code context} as its source.
 * Idempotent per {@code idempotencyKey}: the same key returns the same run id.
 */
@FunctionalInterface
public interface RunStarter {

  /** What to start, and where the request came from (for the audit trail). */
  record Request(
      Principal principal, String suiteId, Map<String, String> vars, String idempotencyKey, RequestContext context) {
    public Request {
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(suiteId, "suiteId");
      vars = Map.copyOf(vars);
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      context = context == null ? RequestContext.INTERNAL : context;
    }

    public Request(Principal principal, String suiteId, Map<String, String> vars, String idempotencyKey) {
      this(principal, suiteId, vars, idempotencyKey, RequestContext.INTERNAL);
    }
  }

  /** The run id. */
  String start(Request request);
}
