package dev.ltb.tenancy.onboarding;

import dev.ltb.tenancy.TenantId;
import java.util.Optional;

/** Port: the directory users sign up in (Cognito: the attribute {@code custom:tenant} and the role groups). */
public interface UserDirectory {

  /** The tenant the directory holds for the user now, if any. */
  Optional<TenantId> tenantOf(DirectoryUser user);

  /** Writes the user's tenant; the directory keeps it immutable afterwards. */
  void assignTenant(DirectoryUser user, TenantId tenant);

  /** Adds the user to a group; a member already in it stays in it. */
  void addToGroup(DirectoryUser user, String group);
}
