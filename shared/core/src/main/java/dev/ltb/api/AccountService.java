package dev.ltb.api;

import dev.ltb.audit.AuditLog;
import dev.ltb.audit.AuditQuery;
import dev.ltb.audit.AuditRecord;
import dev.ltb.audit.ResourceRef;
import dev.ltb.security.ApiKeyRecord;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.IssuedApiKey;
import dev.ltb.security.Operation;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.TenantPlans;
import dev.ltb.usage.DailyUsage;
import dev.ltb.usage.UsageCsv;
import dev.ltb.usage.UsageLedger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** The tenant's account: metered usage (JSON and CSV), the audit trail, and its API keys. */
public final class AccountService {

  /** The longest usage range one call returns. */
  public static final int MAX_USAGE_DAYS = 366;

  private final UsageLedger usage;
  private final TenantPlans plans;
  private final AuditLog auditLog;
  private final ApiKeys apiKeys;
  private final Guard guard;

  AccountService(UsageLedger usage, TenantPlans plans, AuditLog auditLog, ApiKeys apiKeys, Guard guard) {
    this.usage = Objects.requireNonNull(usage);
    this.plans = Objects.requireNonNull(plans);
    this.auditLog = Objects.requireNonNull(auditLog);
    this.apiKeys = Objects.requireNonNull(apiKeys);
    this.guard = Objects.requireNonNull(guard);
  }

  /** Usage per day from {@code from} to {@code to}, both included. */
  public List<DailyUsage> usage(Caller caller, LocalDate from, LocalDate to) {
    guard.require(caller, Operation.USAGE_READ, ResourceRef.collection("usage"));
    if (from == null) throw ApiException.invalidField("from", "is required (YYYY-MM-DD)");
    if (to == null) throw ApiException.invalidField("to", "is required (YYYY-MM-DD)");
    if (to.isBefore(from)) throw ApiException.invalidField("to", "must not be before from");
    if (ChronoUnit.DAYS.between(from, to) >= MAX_USAGE_DAYS)
      throw ApiException.invalidField("to", "a range covers at most " + MAX_USAGE_DAYS + " days");
    return usage.daily(caller.tenant(), from, to);
  }

  /** The same as CSV, priced with the tenant's plan. */
  public String usageCsv(Caller caller, LocalDate from, LocalDate to) {
    List<DailyUsage> days = usage(caller, from, to);
    return UsageCsv.toString(caller.tenant(), days, plans.planOf(caller.tenant()).prices());
  }

  public Page<AuditRecord> audit(Caller caller, AuditQuery query) {
    guard.require(caller, Operation.AUDIT_READ, ResourceRef.collection("audit"));
    return auditLog.query(caller.tenant(), query);
  }

  /** A new key; its secret is in the answer once and never again. */
  public IssuedApiKey issueKey(Caller caller, String name) {
    guard.require(caller, Operation.API_KEYS_MANAGE, ResourceRef.collection("api-key"));
    if (name == null || name.isBlank()) throw ApiException.invalidField("name", "is required");
    IssuedApiKey issued;
    try {
      issued = apiKeys.issue(caller.tenant(), name, caller.principal());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("name", e.getMessage());
    }
    guard.succeeded(caller, Operation.API_KEYS_MANAGE, ResourceRef.of("api-key", issued.record().keyId()));
    return issued;
  }

  public List<ApiKeyRecord> keys(Caller caller) {
    guard.require(caller, Operation.API_KEYS_MANAGE, ResourceRef.collection("api-key"));
    return apiKeys.list(caller.tenant());
  }

  public void revokeKey(Caller caller, String keyId) {
    ResourceRef resource = guard.require(caller, Operation.API_KEYS_MANAGE, "api-key", "keyId", keyId);
    apiKeys.revoke(caller.tenant(), keyId);
    guard.succeeded(caller, Operation.API_KEYS_MANAGE, resource);
  }
}
