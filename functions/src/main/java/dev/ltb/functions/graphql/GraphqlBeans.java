package dev.ltb.functions.graphql;

import dev.ltb.api.ApiServices;
import dev.ltb.aws.appsync.AppSyncClient;
import dev.ltb.aws.appsync.AppSyncRunEventPublisher;
import dev.ltb.security.CognitoJwtSettings;
import dev.ltb.tenancy.TenantId;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The GraphQL door's parts, built once per container: the resolver registry over the API's use cases, the
 * mapping of AppSync identities, and the publisher of run events to the API's subscriptions ({@value
 * #GRAPHQL_URL}, set on the progress publisher function only).
 */
@Singleton
public class GraphqlBeans {

  /** The AppSync API's GraphQL URL the progress publisher posts the publish mutations to. */
  public static final String GRAPHQL_URL = "LTB_GRAPHQL_URL";

  /**
   * Over the API's use cases, the same {@link ApiServices} the REST app uses. They are looked up, not injected,
   * so this app builds whether or not it also wires the API's AWS ports (suite store, idempotency keys, run
   * launcher, ...): without them the graphql function fails on its first call with this message, and every
   * other handler of the app is unaffected.
   */
  @Produces
  @Singleton
  ResolverRegistry resolverRegistry(Instance<ApiServices> api) {
    if (api.isUnsatisfied())
      throw new IllegalStateException(
          "the graphql function needs the API's use cases (dev.ltb.api.ApiServices) wired from AWS ports; none is"
              + " produced in this app");
    return Resolvers.registry(api.get());
  }

  /**
   * Tenant from {@code custom:tenant}, role from {@code cognito:groups}, as the REST authorizer reads tokens;
   * {@code LTB_FIXED_TENANT} puts every user of a single-tenant deployment in that tenant.
   */
  @Produces
  @Singleton
  AppSyncIdentity appSyncIdentity(@ConfigProperty(name = "LTB_FIXED_TENANT") Optional<String> fixedTenant) {
    return new AppSyncIdentity(
        CognitoJwtSettings.DEFAULT_TENANT_CLAIM, CognitoJwtSettings.DEFAULT_GROUPS_CLAIM,
        fixedTenant.filter(t -> !t.isBlank()).map(TenantId::of).orElse(null));
  }

  @Produces
  @Singleton
  AppSyncClient appSyncClient(@ConfigProperty(name = GRAPHQL_URL) Optional<String> url) {
    return AppSyncClient.builder()
        .endpoint(
            URI.create(
                url.orElseThrow(
                    () -> new IllegalStateException(GRAPHQL_URL + " is not set: publishing to GraphQL subscriptions needs it"))))
        .build();
  }

  void close(@Disposes AppSyncClient client) {
    client.close();
  }

  /**
   * Run events to the GraphQL subscriptions (the progress publisher composes it with the WebSocket push). Typed
   * as itself only: the pipeline's {@code RunEvents} stays the events table ({@code AwsBeans}).
   */
  @Produces
  @Singleton
  @Typed(AppSyncRunEventPublisher.class)
  AppSyncRunEventPublisher appSyncRunEventPublisher(AppSyncClient client) {
    return new AppSyncRunEventPublisher(client);
  }
}
