package dev.ltb.functions;

import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeyStore;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.Authenticator;
import dev.ltb.security.CognitoJwtSettings;
import dev.ltb.security.CognitoJwtVerifier;
import dev.ltb.tenancy.TenantId;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code authorizer} function's parts, built once per container from its environment:
 *
 * <table>
 *   <caption>Environment of the authorizer</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #USER_POOL_ID}, {@value #USER_POOL_CLIENT_ID}</td><td>the Cognito pool whose ID tokens are
 *       accepted and its app client ids (comma-separated); without a pool only API keys are accepted</td>
 *       <td>none</td></tr>
 *   <tr><td>{@code AWS_REGION}</td><td>the pool's region (the issuer and JWKS URL derive from it)</td>
 *       <td>set by Lambda</td></tr>
 *   <tr><td>{@value #FIXED_TENANT}</td><td>single-tenant installations: every user of the pool is in this tenant
 *       (no {@code custom:tenant} attribute needed)</td><td>none (SaaS)</td></tr>
 *   <tr><td>{@value #USAGE_IDENTIFIER_KEY}</td><td>single-account installations: the installation API key's value,
 *       returned as {@code usageIdentifierKey}; SaaS deployments derive one per tenant</td><td>none</td></tr>
 *   <tr><td>{@value #CACHE_SECONDS}</td><td>how long an accepted credential is remembered in the warm container
 *       (and AppSync's {@code ttlOverride})</td><td>60</td></tr>
 *   <tr><td>{@code LTB_TABLE}</td><td>where API keys are looked up (and their last use written)</td><td>required</td></tr>
 * </table>
 */
@Singleton
public class AuthorizerBeans {

  public static final String AUTHENTICATOR = "authorizer.authenticator";

  public static final String USER_POOL_ID = "LTB_USER_POOL_ID";
  public static final String USER_POOL_CLIENT_ID = "LTB_USER_POOL_CLIENT_ID";
  public static final String FIXED_TENANT = "LTB_FIXED_TENANT";
  public static final String USAGE_IDENTIFIER_KEY = "LTB_USAGE_IDENTIFIER_KEY";
  public static final String CACHE_SECONDS = "LTB_AUTH_CACHE_SECONDS";

  @Produces
  @Singleton
  @Named(AUTHENTICATOR)
  Authenticator authenticator(AwsAdapters aws, Clock clock) {
    Function<String, Optional<String>> env = AuthorizerBeans::config;
    ApiKeyStore keys = new DynamoTenancyStores(aws.clients().dynamoDb(), aws.settings().table()).apiKeys();
    return authenticator(env, jwtSettings(env).map(settings -> CognitoJwtVerifier.fetchingKeys(settings, clock)), keys,
        clock);
  }

  /**
   * @param installationUsageKey single-account installations: the one usage-plan key every caller counts against;
   *     empty in SaaS, where each tenant has its own ({@code GatewayUsageKeys.forTenant})
   * @param appSyncTtl how long AppSync may cache an accepted answer: the authenticator's own TTL, so a revoked key
   *     stops working as documented
   */
  public record Settings(Optional<String> installationUsageKey, Duration appSyncTtl) {}

  @Produces
  @Singleton
  Settings authorizerSettings() {
    return settings(AuthorizerBeans::config);
  }

  static Settings settings(Function<String, Optional<String>> env) {
    return new Settings(env.apply(USAGE_IDENTIFIER_KEY), cacheTtl(env));
  }

  /** The authenticator over the given verifier and key store, with the configured cache TTL. */
  static Authenticator authenticator(
      Function<String, Optional<String>> env, Optional<CognitoJwtVerifier> jwts, ApiKeyStore keys, Clock clock) {
    return new Authenticator(jwts, new ApiKeys(keys, new ApiKeyHasher(), clock), cacheTtl(env), clock);
  }

  /** The pool's token settings, empty when no pool is configured (API keys only). */
  static Optional<CognitoJwtSettings> jwtSettings(Function<String, Optional<String>> env) {
    Optional<String> pool = env.apply(USER_POOL_ID);
    if (pool.isEmpty()) return Optional.empty();
    String region = env.apply("AWS_REGION")
        .or(() -> Optional.of(pool.get().substring(0, Math.max(0, pool.get().indexOf('_')))).filter(r -> !r.isEmpty()))
        .orElseThrow(() -> new IllegalStateException("AWS_REGION is not set: the authorizer needs the user pool's region"));
    Set<String> clients = env.apply(USER_POOL_CLIENT_ID).stream()
        .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(id -> !id.isEmpty())
        .collect(Collectors.toSet());
    if (clients.isEmpty())
      throw new IllegalStateException(USER_POOL_CLIENT_ID + " is not set: the authorizer accepts ID tokens of these app"
          + " clients only");
    CognitoJwtSettings settings = CognitoJwtSettings.forUserPool(region, pool.get(), clients);
    return Optional.of(env.apply(FIXED_TENANT).map(tenant -> settings.withFixedTenant(TenantId.of(tenant)))
        .orElse(settings));
  }

  static Duration cacheTtl(Function<String, Optional<String>> env) {
    return env.apply(CACHE_SECONDS).map(value -> {
      try {
        long seconds = Long.parseLong(value);
        if (seconds < 0 || seconds > 3600) throw new NumberFormatException();
        return Duration.ofSeconds(seconds);
      } catch (NumberFormatException e) {
        throw new IllegalStateException(CACHE_SECONDS + " is '" + value + "'; give whole seconds from 0 to 3600");
      }
    }).orElse(Authenticator.DEFAULT_TTL);
  }

  private static Optional<String> config(String name) {
    return ConfigProvider.getConfig().getOptionalValue(name, String.class).map(String::strip).filter(v -> !v.isEmpty());
  }
}
