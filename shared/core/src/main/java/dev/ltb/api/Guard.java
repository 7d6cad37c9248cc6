package dev.ltb.api;

import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.ResourceRef;
import dev.ltb.security.AccessControl;
import dev.ltb.security.Operation;
import dev.ltb.tenancy.Ids;
import java.util.Objects;

/** The checks every use case starts with (role, id form) and the audit record every mutation ends with. */
final class Guard {

  private final AccessControl access;
  private final AuditRecorder audit;

  Guard(AuditRecorder audit) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.access = new AccessControl(audit);
  }

  /** Allows the operation on the resource or throws (a denial is audited). */
  void require(Caller caller, Operation operation, ResourceRef resource) {
    access.require(caller.principal(), operation, resource, caller.request());
  }

  /** Allows the operation on a resource addressed by an id from outside, checking the id's form first. */
  ResourceRef require(Caller caller, Operation operation, String type, String field, String id) {
    Ids.requireResourceId(field, id);
    ResourceRef resource = ResourceRef.of(type, id);
    require(caller, operation, resource);
    return resource;
  }

  void succeeded(Caller caller, Operation operation, ResourceRef resource) {
    audit.succeeded(caller.principal(), operation, resource, caller.request());
  }
}
