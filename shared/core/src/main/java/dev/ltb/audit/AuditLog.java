package dev.ltb.audit;

import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.TenantId;

/**
 * Port: the append-only audit trail. There is no update or delete. In DynamoDB the records live under the tenant's
 * partition key ({@code SK = AUDIT#<id>}, ids sort by time) written with {@code attribute_not_exists}; the
 * writer's IAM role has {@code PutItem} but no {@code UpdateItem}/{@code DeleteItem} on audit items.
 */
public interface AuditLog {

  /** Adds a record; never replaces one (fails when the id exists). */
  void append(AuditRecord record);

  /** The tenant's records in the query's window, newest first, one page at a time. */
  Page<AuditRecord> query(TenantId tenant, AuditQuery query);
}
