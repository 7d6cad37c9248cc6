package dev.ltb.security;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Everything a tenant's principal can ask the service to do. Each REST endpoint, GraphQL field and WebSocket
 * action names exactly one of these; {@link Permissions} says which roles may.
 */
public enum Operation {
  /** Start a run (REST, GraphQL, inbound webhook). */
  RUN_START("runs:start"),
  RUN_CANCEL("runs:cancel"),
  RUN_DELETE("runs:delete"),
  /** List and get runs, their results, summary, report and comparisons; subscribe to progress. */
  RESULTS_READ("results:read"),
  SUITES_READ("suites:read"),
  /** Create, version and delete suites; upload datasets. */
  SUITES_MANAGE("suites:manage"),
  PLUGINS_READ("plugins:read"),
  /** Upload, validate and delete WASM plugins. */
  PLUGINS_MANAGE("plugins:manage"),
  /** The providers catalogue and which credentials are set (names and dates, never values). */
  PROVIDERS_READ("providers:read"),
  /** Set or delete a provider credential (write-only). */
  PROVIDER_CREDENTIALS_WRITE("provider-credentials:write"),
  /** Read a provider credential's value: granted to no role, the API has no such endpoint. */
  PROVIDER_CREDENTIALS_READ("provider-credentials:read"),
  /** List webhooks and their delivery logs. */
  WEBHOOKS_READ("webhooks:read"),
  /** Create, change and delete webhooks (inbound and outbound); send a test delivery. */
  WEBHOOKS_MANAGE("webhooks:manage"),
  /** List, create and revoke API keys. */
  API_KEYS_MANAGE("api-keys:manage"),
  MEMBERS_READ("members:read"),
  /** Invite and remove members, change roles ({@link Permissions#canAssign} limits which). */
  MEMBERS_MANAGE("members:manage"),
  USAGE_READ("usage:read"),
  AUDIT_READ("audit:read"),
  /** Change the plan, delete the tenant. */
  TENANT_MANAGE("tenant:manage");

  private final String id;

  Operation(String id) {
    this.id = id;
  }

  /** Stable id used in audit records and API docs. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Whether the operation changes state (every such call is audited). */
  public boolean mutating() {
    return !id.endsWith(":read");
  }
}
