package dev.ltb.aws.tenant;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The credentials of the thread's {@link TenantScope} tenant, resolved each time the SDK signs a request (on the
 * calling thread, for the synchronous clients used here). A tenant-data call with no tenant in scope is refused
 * rather than made with the function's broader role: the IAM wall fails closed.
 */
public final class TenantScopedCredentialsProvider implements AwsCredentialsProvider {

  private final TenantCredentials credentials;

  public TenantScopedCredentialsProvider(TenantCredentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  @Override
  public AwsCredentials resolveCredentials() {
    var tenant = TenantScope.current().orElseThrow(() -> new TenantScopeMissingException(
        "tenant data was accessed outside a tenant's request: bind the caller's tenant with TenantScope first"));
    return credentials.forTenant(tenant).resolveCredentials();
  }

  /** A programming error: an entry point reached tenant data without binding its caller's tenant. */
  public static final class TenantScopeMissingException extends IllegalStateException {
    TenantScopeMissingException(String message) {
      super(message);
    }
  }
}
