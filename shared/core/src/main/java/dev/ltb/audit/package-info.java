/**
 * The append-only audit trail: one {@link dev.ltb.audit.AuditRecord} for every mutating action and every denied
 * access, written through the {@link dev.ltb.audit.AuditRecorder} (which accepts only structured, validated
 * fields, so no secret or prompt can reach a record) and read back page by page by owners and admins.
 */
package dev.ltb.audit;
