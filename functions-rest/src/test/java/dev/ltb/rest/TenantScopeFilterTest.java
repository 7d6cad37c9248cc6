package dev.ltb.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.aws.tenant.TenantScope;
import dev.ltb.tenancy.TenantId;
import io.quarkus.amazon.lambda.http.model.ApiGatewayAuthorizerContext;
import io.quarkus.amazon.lambda.http.model.AwsProxyRequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every request runs as the tenant its authorizer named, and never as the tenant of the thread's last request. */
class TenantScopeFilterTest {

  final TenantScopeFilter filter = new TenantScopeFilter();

  @AfterEach
  void unbind() {
    TenantScope.replace(null);
  }

  static AwsProxyRequestContext authorizedAs(String tenant, String role) {
    var authorizer = new ApiGatewayAuthorizerContext();
    authorizer.setPrincipalId("user-1");
    authorizer.setContextValue(Callers.TENANT, tenant);
    authorizer.setContextValue(Callers.ROLE, role);
    authorizer.setContextValue(Callers.KIND, "user");
    var context = new AwsProxyRequestContext();
    context.setAuthorizer(authorizer);
    return context;
  }

  @Test
  void aRequestRunsAsTheTenantTheAuthorizerNamedAndTheNextAsItsOwn() {
    filter.context = authorizedAs("acme", "member");
    filter.filter(null);
    assertThat(TenantScope.current()).contains(TenantId.of("acme"));

    filter.context = authorizedAs("beta", "viewer");
    filter.filter(null);
    assertThat(TenantScope.current()).contains(TenantId.of("beta"));
  }

  @Test
  void aRequestWithoutAValidCallerRunsAsNoTenantRatherThanThePreviousOne() {
    filter.context = authorizedAs("acme", "member");
    filter.filter(null);

    filter.context = new AwsProxyRequestContext(); // never passed the authorizer
    filter.filter(null);
    assertThat(TenantScope.current()).isEmpty();

    filter.context = authorizedAs("ACME#beta", "member"); // not a tenant id
    filter.filter(null);
    assertThat(TenantScope.current()).isEmpty();
  }
}
