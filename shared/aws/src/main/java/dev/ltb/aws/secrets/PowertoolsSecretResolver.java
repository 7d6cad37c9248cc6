package dev.ltb.aws.secrets;

import dev.ltb.aws.AwsConfigurationException;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.AwsSettings.SecretSource;
import dev.ltb.aws.TenantIds;
import dev.ltb.provider.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.lambda.powertools.parameters.BaseProvider;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/**
 * Provider API keys from AWS Secrets Manager or SSM Parameter Store, through Powertools parameters (its
 * functional API: no annotations, no AspectJ), cached for a TTL.
 *
 * <p>Name mapping: the core asks for a variable name such as {@code OPENAI_API_KEY}; this resolver reads
 * {@code <prefix><name>}, with the prefix from {@code LTB_SECRETS_PREFIX} (default {@code ltb/}):
 *
 * <ul>
 *   <li>Secrets Manager ({@code LTB_SECRETS_SOURCE=secretsmanager}, the default): the secret named
 *       {@code ltb/OPENAI_API_KEY}, its SecretString as is;
 *   <li>SSM ({@code LTB_SECRETS_SOURCE=ssm}): the parameter {@code /ltb/OPENAI_API_KEY} (a leading {@code /}
 *       is added when the prefix lacks it, as SSM hierarchies need one), a SecureString decrypted.
 * </ul>
 *
 * {@link #forTenant} narrows the prefix to {@code <prefix>tenants/<tenantId>/}, so in a shared deployment a
 * tenant's runs only see that tenant's keys. A missing secret is {@link Optional#empty()} (and remembered for
 * the same TTL, so probing optional variables like {@code OPENAI_BASE_URL} costs one call per TTL); access
 * denied or any other failure throws {@link AwsConfigurationException} naming the secret, never its value.
 */
public final class PowertoolsSecretResolver implements SecretResolver {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./-]{1,256}");

  private final BaseProvider provider;
  private final SecretSource source;
  private final String prefix;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Instant> missingUntil;

  private PowertoolsSecretResolver(
      BaseProvider provider, SecretSource source, String prefix, Duration ttl, Clock clock, Map<String, Instant> missing) {
    this.provider = provider;
    this.source = source;
    this.prefix = prefix;
    this.ttl = ttl;
    this.clock = clock;
    this.missingUntil = missing;
  }

  /** Secrets Manager secrets named {@code <prefix><name>}. */
  public static PowertoolsSecretResolver secretsManager(SecretsManagerClient client, String prefix, Duration ttl) {
    CacheManager cache = cache(ttl);
    SecretsProvider provider = SecretsProvider.builder().withClient(client).withCacheManager(cache).build();
    return new PowertoolsSecretResolver(
        provider, SecretSource.SECRETS_MANAGER, checkPrefix(prefix), ttl, Clock.systemUTC(), new ConcurrentHashMap<>());
  }

  /** SSM parameters named {@code /<prefix><name>}, decrypted. */
  public static PowertoolsSecretResolver ssm(SsmClient client, String prefix, Duration ttl) {
    CacheManager cache = cache(ttl);
    SSMProvider provider = SSMProvider.builder().withClient(client).withCacheManager(cache).build().withDecryption();
    String hierarchy = checkPrefix(prefix).startsWith("/") ? prefix : "/" + prefix;
    return new PowertoolsSecretResolver(
        provider, SecretSource.SSM, hierarchy, ttl, Clock.systemUTC(), new ConcurrentHashMap<>());
  }

  /** The resolver the settings ask for ({@code LTB_SECRETS_SOURCE}, {@code _PREFIX}, {@code _TTL_SECONDS}). */
  public static PowertoolsSecretResolver from(
      AwsSettings settings, java.util.function.Supplier<SecretsManagerClient> secretsManager,
      java.util.function.Supplier<SsmClient> ssm) {
    return switch (settings.secretsSource()) {
      case SECRETS_MANAGER -> secretsManager(secretsManager.get(), settings.secretsPrefix(), settings.secretsTtl());
      case SSM -> ssm(ssm.get(), settings.secretsPrefix(), settings.secretsTtl());
    };
  }

  /** The same store and cache, reading only {@code <prefix>tenants/<tenantId>/<name>}. */
  public PowertoolsSecretResolver forTenant(String tenantId) {
    TenantIds.check(tenantId);
    return new PowertoolsSecretResolver(
        provider, source, prefix + "tenants/" + tenantId + "/", ttl, clock, missingUntil);
  }

  /** The full secret or parameter name a variable maps to. */
  public String secretName(String name) {
    return prefix + name;
  }

  @Override
  public Optional<String> resolve(String name) {
    if (name == null || !NAME.matcher(name).matches())
      throw new IllegalArgumentException("Secret name '" + name + "' is not valid: use letters, digits and _ . / -");
    String id = secretName(name);
    Instant missing = missingUntil.get(id);
    if (missing != null && clock.instant().isBefore(missing)) return Optional.empty();
    try {
      String value = provider.withMaxAge((int) Math.min(Integer.MAX_VALUE, ttl.toSeconds()), ChronoUnit.SECONDS).get(id);
      missingUntil.remove(id);
      return Optional.ofNullable(value).filter(text -> !text.isBlank());
    } catch (SdkException e) {
      if (notFound(e)) {
        missingUntil.put(id, clock.instant().plus(ttl));
        return Optional.empty();
      }
      throw new AwsConfigurationException(
          "Cannot read " + describe(id) + ": " + reason(e) + ". Check that it exists and that the function's role may"
              + " read it" + (source == SecretSource.SSM ? " (ssm:GetParameter, kms:Decrypt)" : " (secretsmanager:GetSecretValue)"));
    }
  }

  private String describe(String id) {
    return (source == SecretSource.SSM ? "SSM parameter " : "Secrets Manager secret ") + id;
  }

  private static boolean notFound(SdkException e) {
    return e instanceof software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException
        || e instanceof software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
  }

  private static String reason(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null)
      return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")";
    return e.getClass().getSimpleName();
  }

  private static CacheManager cache(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative()) throw new IllegalArgumentException("ttl must be >= 0");
    CacheManager cache = new CacheManager();
    cache.setDefaultExpirationTime(ttl);
    return cache;
  }

  private static String checkPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.isEmpty() && !NAME.matcher(prefix).matches())
      throw new IllegalArgumentException("Secret prefix '" + prefix + "' is not valid: use letters, digits and _ . / -");
    return prefix;
  }

}
