package dev.ltb.security;

import dev.ltb.tenancy.TenantId;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a Cognito user-pool token must look like to be accepted.
 *
 * @param issuer exact {@code iss}: {@code https://cognito-idp.<region>.amazonaws.com/<userPoolId>}
 * @param jwksUri where the pool publishes its keys ({@code <issuer>/.well-known/jwks.json})
 * @param clientIds app client ids accepted: the {@code aud} of ID tokens, the {@code client_id} of access tokens
 * @param tokenUse which token the API takes ({@code token_use} claim)
 * @param leeway clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}; at most 2 minutes
 * @param tenantClaim the claim naming the user's tenant, {@code custom:tenant} by default (an immutable custom
 *     attribute; access tokens carry it only when a pre-token-generation trigger adds it)
 * @param groupsClaim the claim listing the user's groups, {@code cognito:groups}; the most privileged group named
 *     like a user role ({@code owner}, {@code admin}, {@code member}, {@code viewer}) is the role
 * @param fixedTenant set in single-tenant deployments: every user belongs to this tenant and the tenant claim is
 *     not read; null in SaaS deployments
 */
public record CognitoJwtSettings(
    String issuer,
    URI jwksUri,
    Set<String> clientIds,
    TokenUse tokenUse,
    Duration leeway,
    String tenantClaim,
    String groupsClaim,
    TenantId fixedTenant) {

  public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);
  public static final String DEFAULT_TENANT_CLAIM = "custom:tenant";
  public static final String DEFAULT_GROUPS_CLAIM = "cognito:groups";

  /** Cognito's two token kinds. */
  public enum TokenUse {
    ID("id"),
    ACCESS("access");

    private final String claim;

    TokenUse(String claim) {
      this.claim = claim;
    }

    public String claim() {
      return claim;
    }
  }

  public CognitoJwtSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(jwksUri, "jwksUri");
    clientIds = Set.copyOf(clientIds);
    if (clientIds.isEmpty()) throw new IllegalArgumentException("at least one app client id is needed");
    Objects.requireNonNull(tokenUse, "tokenUse");
    Objects.requireNonNull(leeway, "leeway");
    if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(2)) > 0)
      throw new IllegalArgumentException("leeway must be between 0 and 2 minutes, was " + leeway);
    Objects.requireNonNull(tenantClaim, "tenantClaim");
    Objects.requireNonNull(groupsClaim, "groupsClaim");
  }

  /** ID tokens of a user pool, tenant from {@code custom:tenant}, role from {@code cognito:groups}. */
  public static CognitoJwtSettings forUserPool(String region, String userPoolId, Set<String> clientIds) {
    String issuer = "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    return new CognitoJwtSettings(issuer, URI.create(issuer + "/.well-known/jwks.json"), clientIds, TokenUse.ID,
        DEFAULT_LEEWAY, DEFAULT_TENANT_CLAIM, DEFAULT_GROUPS_CLAIM, null);
  }

  public CognitoJwtSettings withTokenUse(TokenUse value) {
    return new CognitoJwtSettings(issuer, jwksUri, clientIds, value, leeway, tenantClaim, groupsClaim, fixedTenant);
  }

  public CognitoJwtSettings withJwksUri(URI value) {
    return new CognitoJwtSettings(issuer, value, clientIds, tokenUse, leeway, tenantClaim, groupsClaim, fixedTenant);
  }

  /** Single-tenant operation: everyone in the pool belongs to {@code tenant}. */
  public CognitoJwtSettings withFixedTenant(TenantId tenant) {
    return new CognitoJwtSettings(issuer, jwksUri, clientIds, tokenUse, leeway, tenantClaim, groupsClaim, tenant);
  }
}
