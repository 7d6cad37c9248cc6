package dev.ltb.functions.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.functions.graphql.errors.Unauthorized;
import dev.ltb.security.CognitoJwtSettings;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The caller of a resolver, from the {@code identity} AppSync puts in the event. AppSync has already
 * authenticated the request (it verified the Cognito token, or the Lambda authorizer accepted the API key), so
 * this only maps the documented identity shapes to a {@link Principal}:
 *
 * <ul>
 *   <li><b>Cognito user pools</b>: {@code {"sub", "issuer", "username", "claims": {...}, "groups", "sourceIp"}};
 *       the tenant is the {@code custom:tenant} claim (or the deployment's fixed tenant), the role the most
 *       privileged of {@code cognito:groups} that names a user role, exactly as {@code CognitoJwtVerifier} does
 *       for REST.
 *   <li><b>Lambda authorizer</b>: {@code {"resolverContext": {"tenantId", "principalId", "role",
 *       "principalKind"}}}, the context our authorizer returns for a tenant API key (or a token).
 *   <li><b>IAM</b> ({@code accountId}, {@code userArn}) and <b>API key</b> (no identity) name no tenant: only the
 *       publish mutations accept IAM, and they never reach this function, so both are refused.
 * </ul>
 *
 * Anything missing or malformed is {@link Unauthorized} with one text, whatever was wrong.
 */
public final class AppSyncIdentity {

  static final String REFUSED = "not authorized: sign in again or use a valid API key";

  private final String tenantClaim;
  private final String groupsClaim;
  private final TenantId fixedTenant;

  /**
   * @param tenantClaim the Cognito claim naming the tenant ({@code custom:tenant})
   * @param groupsClaim the claim listing the user's groups ({@code cognito:groups})
   * @param fixedTenant single-tenant deployments: every user belongs to it, or null
   */
  public AppSyncIdentity(String tenantClaim, String groupsClaim, TenantId fixedTenant) {
    this.tenantClaim = tenantClaim;
    this.groupsClaim = groupsClaim;
    this.fixedTenant = fixedTenant;
  }

  /** Tenant from {@code custom:tenant}, role from {@code cognito:groups}. */
  public static AppSyncIdentity defaults() {
    return new AppSyncIdentity(CognitoJwtSettings.DEFAULT_TENANT_CLAIM, CognitoJwtSettings.DEFAULT_GROUPS_CLAIM, null);
  }

  public Principal principal(JsonNode identity) {
    if (identity == null || !identity.isObject()) throw new Unauthorized(REFUSED);
    try {
      if (identity.hasNonNull("resolverContext")) return fromAuthorizer(identity.get("resolverContext"));
      if (identity.hasNonNull("sub") && identity.hasNonNull("claims")) return fromCognito(identity);
    } catch (IllegalArgumentException e) { // includes InvalidIdException
      throw new Unauthorized(REFUSED);
    }
    throw new Unauthorized(REFUSED);
  }

  private Principal fromAuthorizer(JsonNode context) {
    TenantId tenant = TenantId.of(text(context, "tenantId"));
    String principalId = text(context, "principalId");
    Role role = Role.fromId(text(context, "role").toLowerCase(Locale.ROOT)).orElseThrow(() -> new Unauthorized(REFUSED));
    String kindText = context.path("principalKind").asText("");
    PrincipalKind kind =
        kindText.isEmpty()
            ? (role == Role.SERVICE ? PrincipalKind.API_KEY : PrincipalKind.USER)
            : Arrays.stream(PrincipalKind.values())
                .filter(k -> k.id().equals(kindText) || k.name().equalsIgnoreCase(kindText))
                .findFirst()
                .orElseThrow(() -> new Unauthorized(REFUSED));
    return new Principal(tenant, principalId, role, kind);
  }

  private Principal fromCognito(JsonNode identity) {
    JsonNode claims = identity.get("claims");
    TenantId tenant = fixedTenant != null ? fixedTenant : TenantId.of(text(claims, tenantClaim));
    Role role = roleOf(groups(claims, identity)).orElseThrow(() -> new Unauthorized(REFUSED));
    return new Principal(tenant, identity.get("sub").asText(), role, PrincipalKind.USER);
  }

  /** The groups from the claim (a list, or AppSync's comma-free string form), else AppSync's {@code groups}. */
  private List<String> groups(JsonNode claims, JsonNode identity) {
    JsonNode value = claims.has(groupsClaim) ? claims.get(groupsClaim) : identity.get("groups");
    List<String> groups = new ArrayList<>();
    if (value == null || value.isNull()) return groups;
    if (value.isArray()) value.forEach(g -> groups.add(g.asText()));
    else groups.add(value.asText());
    return groups;
  }

  private static Optional<Role> roleOf(List<String> groups) {
    return groups.stream()
        .map(Role::fromId)
        .flatMap(Optional::stream)
        .filter(Role::forUsers)
        .min(Comparator.naturalOrder());
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual() || value.asText().isBlank()) throw new Unauthorized(REFUSED);
    return value.asText();
  }
}
