package dev.ltb.cdk.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Who the deployment serves: one company in its own account, or many tenants as a pay-per-use service. */
public enum DeploymentMode {
  /** One organisation: admin-created users, one installation API key, no self sign-up. */
  SINGLE_ACCOUNT("single-account"),
  /** Many tenants: self sign-up, usage plan tiers, per-tenant keys, the tenant-scoped data role. */
  SAAS("saas");

  private final String id;

  DeploymentMode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static DeploymentMode fromId(String id) {
    return Arrays.stream(values())
        .filter(mode -> mode.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "context 'mode' must be one of "
                        + Arrays.stream(values()).map(DeploymentMode::id).collect(Collectors.joining(", "))
                        + ", was '"
                        + id
                        + "'"));
  }
}
