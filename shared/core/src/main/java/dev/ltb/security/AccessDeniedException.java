package dev.ltb.security;

/** The principal's role does not allow the operation (HTTP 403). The message names both, nothing else. */
public final class AccessDeniedException extends RuntimeException {

  private final Operation operation;
  private final Role role;

  public AccessDeniedException(Operation operation, Role role) {
    super("role " + role.id() + " may not " + operation.id());
    this.operation = operation;
    this.role = role;
  }

  public Operation operation() {
    return operation;
  }

  public Role role() {
    return role;
  }
}
