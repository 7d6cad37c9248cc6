package dev.ltb.rest;

import dev.ltb.api.ApiException;
import dev.ltb.aws.tenant.TenantScope;
import dev.ltb.tenancy.TenantId;
import io.quarkus.amazon.lambda.http.model.AwsProxyRequestContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Binds every request's thread to the tenant the authorizer established ({@link Callers}), or to no tenant, before
 * any resource runs: tenant data is then signed with that tenant's session of the tenant data role
 * ({@code LTB_TENANT_ROLE_ARN}), and a request never inherits the previous request's tenant. The binding lasts until
 * the next request on the thread, so a streamed body (a report) is still read as that tenant.
 */
@Provider
@PreMatching
public class TenantScopeFilter implements ContainerRequestFilter {

  @Context AwsProxyRequestContext context;

  @Override
  public void filter(ContainerRequestContext request) {
    TenantScope.replace(tenant());
  }

  private TenantId tenant() {
    if (context == null || context.getAuthorizer() == null) return null;
    try {
      return Callers.from(context).principal().tenantId();
    } catch (ApiException unauthenticated) {
      return null; // the resource answers 401 through Callers itself; no tenant, so no tenant data either
    }
  }
}
