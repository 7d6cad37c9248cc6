package dev.ltb.functions.graphql;

import dev.ltb.api.ApiServices;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.api.AwsApiPorts;
import dev.ltb.aws.appsync.AppSyncClient;
import dev.ltb.aws.appsync.AppSyncProgressSink;
import dev.ltb.aws.appsync.AppSyncRunEventPublisher;
import dev.ltb.pipeline.CloudPlugins;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.security.CognitoJwtSettings;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.tenancy.TenantId;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
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
   * The API's use cases over the AWS ports, the same {@link AwsApiPorts} the REST app builds, with this app's
   * providers and suite loader. Built when the graphql function first resolves a field or the webhook ingress first
   * starts a run ({@code WebhookBeans}), so other handlers of the app need none of its variables ({@code
   * LTB_STATE_MACHINE_ARN}, {@code LTB_CANCEL_FUNCTION_ARN}, ...).
   */
  @Produces
  @Singleton
  ApiServices apiServices(
      AwsAdapters aws, ProviderRegistry providers, SuiteLoader loader, CloudPlugins plugins, Clock clock) {
    return AwsApiPorts.services(aws, providers, loader, plugins::support, clock);
  }

  @Produces
  @Singleton
  ResolverRegistry resolverRegistry(ApiServices api) {
    return Resolvers.registry(api);
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

  /**
   * Run progress to the GraphQL subscriptions, one of the progress publisher's sinks ({@code ProgressBeans}) only
   * when {@value #GRAPHQL_URL} is set (the CDK sets it on the progress publisher); without it the publisher pushes
   * to WebSocket connections alone. Unremovable: it is reached only through {@code Instance<ProgressSink>}.
   */
  @Produces
  @Singleton
  @Unremovable
  @LookupUnlessProperty(name = GRAPHQL_URL, stringValue = "", lookupIfMissing = false)
  AppSyncProgressSink appSyncProgressSink(AppSyncRunEventPublisher publisher) {
    return new AppSyncProgressSink(publisher);
  }
}
