package dev.ltb.security;

import static dev.ltb.security.Role.ADMIN;
import static dev.ltb.security.Role.MEMBER;
import static dev.ltb.security.Role.OWNER;
import static dev.ltb.security.Role.SERVICE;
import static dev.ltb.security.Role.VIEWER;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The permission matrix, written once: which roles may perform each {@link Operation}. Every entry point asks
 * here (through {@link AccessControl}); nothing else grants access.
 */
public final class Permissions {

  private static final Map<Operation, Set<Role>> MATRIX = new EnumMap<>(Operation.class);

  static {
    grant(Operation.RUN_START, OWNER, ADMIN, MEMBER, SERVICE);
    grant(Operation.RUN_CANCEL, OWNER, ADMIN, MEMBER, SERVICE);
    grant(Operation.RUN_DELETE, OWNER, ADMIN);
    grant(Operation.RESULTS_READ, OWNER, ADMIN, MEMBER, VIEWER, SERVICE);
    grant(Operation.SUITES_READ, OWNER, ADMIN, MEMBER, VIEWER, SERVICE);
    grant(Operation.SUITES_MANAGE, OWNER, ADMIN, MEMBER, SERVICE);
    grant(Operation.PLUGINS_READ, OWNER, ADMIN, MEMBER, VIEWER, SERVICE);
    // CI submits suites with its own plugins (ltb submit uploads them): API keys may, as they may manage suites
    grant(Operation.PLUGINS_MANAGE, OWNER, ADMIN, MEMBER, SERVICE);
    grant(Operation.PROVIDERS_READ, OWNER, ADMIN, MEMBER, VIEWER, SERVICE);
    grant(Operation.PROVIDER_CREDENTIALS_WRITE, OWNER, ADMIN);
    grant(Operation.PROVIDER_CREDENTIALS_READ); // write-only: nobody reads a credential back
    grant(Operation.WEBHOOKS_READ, OWNER, ADMIN, MEMBER);
    grant(Operation.WEBHOOKS_MANAGE, OWNER, ADMIN);
    grant(Operation.API_KEYS_MANAGE, OWNER, ADMIN);
    grant(Operation.MEMBERS_READ, OWNER, ADMIN, MEMBER, VIEWER);
    grant(Operation.MEMBERS_MANAGE, OWNER, ADMIN);
    grant(Operation.USAGE_READ, OWNER, ADMIN);
    grant(Operation.AUDIT_READ, OWNER, ADMIN);
    grant(Operation.TENANT_MANAGE, OWNER);
    if (MATRIX.size() != Operation.values().length)
      throw new ExceptionInInitializerError("every operation needs a row in the permission matrix");
  }

  private Permissions() {}

  private static void grant(Operation operation, Role... roles) {
    Set<Role> granted = EnumSet.noneOf(Role.class);
    Collections.addAll(granted, roles);
    if (MATRIX.put(operation, Collections.unmodifiableSet(granted)) != null)
      throw new ExceptionInInitializerError(operation + " is granted twice");
  }

  public static boolean allows(Role role, Operation operation) {
    return MATRIX.get(operation).contains(role);
  }

  /** The roles that may perform {@code operation}. */
  public static Set<Role> rolesFor(Operation operation) {
    return MATRIX.get(operation);
  }

  /**
   * Whether {@code actor} may give a member role {@code target}, or change a member who holds {@code target}:
   * owners any user role, admins any but owner, everyone else none. Nobody assigns {@link Role#SERVICE} to a user.
   */
  public static boolean canAssign(Role actor, Role target) {
    if (!allows(actor, Operation.MEMBERS_MANAGE) || !target.forUsers()) return false;
    return actor == OWNER || target != OWNER;
  }
}
