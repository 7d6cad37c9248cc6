package dev.ltb.aws.tenant;

import dev.ltb.tenancy.TenantId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * Credentials of the tenant data role, one session per tenant: {@code sts:AssumeRole} with the session tag
 * {@code tenant=<id>}, which the role's policy turns into "only {@code TENANT#<id>} keys and {@code tenants/<id>/}
 * objects". Each tenant's provider is the SDK's {@link StsAssumeRoleCredentialsProvider}: it keeps the session and
 * renews it in the background before it expires. At most {@code maxTenants} providers are kept; the least recently
 * used is closed when another tenant needs room.
 */
public final class TenantCredentials implements AutoCloseable {

  /** The session tag the CDK's tenant data role keys its conditions on ({@code aws:PrincipalTag/tenant}). */
  public static final String TENANT_TAG = "tenant";
  /** STS's shortest session: a leaked session is useful for 15 minutes at most. */
  public static final Duration DEFAULT_SESSION = Duration.ofMinutes(15);
  public static final int DEFAULT_MAX_TENANTS = 500;

  private static final int MAX_SESSION_NAME = 64;

  private final StsClient sts;
  private final String roleArn;
  private final String workload;
  private final Duration session;
  private final Map<TenantId, StsAssumeRoleCredentialsProvider> providers;

  /**
   * @param workload who assumes the role, e.g. the Lambda function's name: with the tenant, it names the session
   *     ({@code <tenant>@<workload>}), so CloudTrail shows which function acted for which tenant
   */
  public TenantCredentials(StsClient sts, String roleArn, String workload, Duration session, int maxTenants) {
    this.sts = Objects.requireNonNull(sts, "sts");
    this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
    this.workload = sanitize(Objects.requireNonNull(workload, "workload"));
    if (session.compareTo(DEFAULT_SESSION) < 0 || session.compareTo(Duration.ofHours(1)) > 0)
      throw new IllegalArgumentException("session must be between 15 minutes and the role's maximum of 1 hour");
    if (maxTenants < 1) throw new IllegalArgumentException("maxTenants must be at least 1");
    this.session = session;
    this.providers = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<TenantId, StsAssumeRoleCredentialsProvider> eldest) {
        if (size() <= maxTenants) return false;
        eldest.getValue().close();
        return true;
      }
    };
  }

  /** The tenant's credentials; the first call for a tenant assumes the role lazily (on first use). */
  public synchronized AwsCredentialsProvider forTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return providers.computeIfAbsent(tenant, this::provider);
  }

  /** How many tenants hold a session here (bounded by {@code maxTenants}). */
  public synchronized int cachedTenants() {
    return providers.size();
  }

  private StsAssumeRoleCredentialsProvider provider(TenantId tenant) {
    AssumeRoleRequest request = AssumeRoleRequest.builder()
        .roleArn(roleArn)
        .roleSessionName(sessionName(tenant.value(), workload))
        .durationSeconds((int) session.toSeconds())
        .tags(Tag.builder().key(TENANT_TAG).value(tenant.value()).build())
        .build();
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(request)
        .asyncCredentialUpdateEnabled(true)
        .prefetchTime(Duration.ofMinutes(5))
        .staleTime(Duration.ofMinutes(1))
        .build();
  }

  /** {@code <tenant>@<workload>}, cut to STS's 64 characters (the tenant part always survives: ids are at most 63). */
  static String sessionName(String tenant, String workload) {
    String name = tenant + "@" + workload;
    return name.length() <= MAX_SESSION_NAME ? name : name.substring(0, MAX_SESSION_NAME);
  }

  /** Role session names allow {@code [\w+=,.@-]}; anything else in a workload name becomes {@code -}. */
  private static String sanitize(String workload) {
    String cleaned = workload.replaceAll("[^\\w+=,.@-]", "-");
    return cleaned.isEmpty() ? "ltb" : cleaned;
  }

  @Override
  public synchronized void close() {
    providers.values().forEach(StsAssumeRoleCredentialsProvider::close);
    providers.clear();
  }
}
