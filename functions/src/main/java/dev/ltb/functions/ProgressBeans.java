package dev.ltb.functions;

import dev.ltb.audit.AuditRecorder;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.progress.Connections;
import dev.ltb.progress.ProgressPublisher;
import dev.ltb.progress.ProgressSink;
import dev.ltb.progress.RunEventLog;
import dev.ltb.progress.WebSocketSessions;
import dev.ltb.progress.WebSocketSink;
import dev.ltb.security.AccessControl;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.Authenticator;
import dev.ltb.security.CognitoJwtSettings;
import dev.ltb.security.CognitoJwtVerifier;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The progress door's parts (issue 7): the WebSocket sessions and their authenticator for {@code websocket}, the
 * publisher and its sinks for {@code progress-publisher}. Every {@link ProgressSink} bean is one of the
 * publisher's sinks: another door (AppSync subscriptions) adds its sink by producing one (mark it
 * {@code @Unremovable}, as the WebSocket sink is), without touching this class. JWTs are accepted when {@value #USER_POOL_ID} and {@value #USER_POOL_CLIENT_ID} are set (region from
 * {@code AWS_REGION}); API keys always.
 */
@Singleton
public class ProgressBeans {

  public static final String USER_POOL_ID = "LTB_USER_POOL_ID";
  public static final String USER_POOL_CLIENT_ID = "LTB_USER_POOL_CLIENT_ID";

  @Produces
  @Singleton
  Connections connections(AwsAdapters aws) {
    return aws.connections();
  }

  @Produces
  @Singleton
  RunEventLog runEventLog(AwsAdapters aws) {
    return aws.runEvents()::read;
  }

  @Produces
  @Singleton
  WebSocketSessions webSocketSessions(
      Connections connections, RunHistories histories, RunEventLog log, AwsAdapters aws, Clock clock) {
    DynamoTenancyStores stores = new DynamoTenancyStores(aws.clients().dynamoDb(), aws.settings().table());
    return new WebSocketSessions(
        connections, histories, log, new AccessControl(new AuditRecorder(stores.auditLog(), clock)), clock);
  }

  @Produces
  @Singleton
  WebSocketAuthenticator webSocketAuthenticator(AwsAdapters aws, Clock clock) {
    return webSocketAuthenticator(aws, clock, settings());
  }

  /** From the given configuration values (tests pass their own). */
  static WebSocketAuthenticator webSocketAuthenticator(AwsAdapters aws, Clock clock, Map<String, String> settings) {
    DynamoTenancyStores stores = new DynamoTenancyStores(aws.clients().dynamoDb(), aws.settings().table());
    ApiKeys apiKeys = new ApiKeys(stores.apiKeys(), new ApiKeyHasher(), clock);
    Optional<CognitoJwtVerifier> jwts = Optional.empty();
    String pool = settings.get(USER_POOL_ID);
    String client = settings.get(USER_POOL_CLIENT_ID);
    if (pool != null && !pool.isBlank() && client != null && !client.isBlank()) {
      String region = settings.getOrDefault("AWS_REGION", pool.substring(0, Math.max(0, pool.indexOf('_'))));
      jwts = Optional.of(CognitoJwtVerifier.fetchingKeys(
          CognitoJwtSettings.forUserPool(region, pool, Set.of(client.split(","))), clock));
    }
    return new WebSocketAuthenticator(new Authenticator(jwts, apiKeys, Authenticator.DEFAULT_TTL, clock));
  }

  private static Map<String, String> settings() {
    var config = ConfigProvider.getConfig();
    java.util.HashMap<String, String> values = new java.util.HashMap<>();
    for (String name : List.of(USER_POOL_ID, USER_POOL_CLIENT_ID, "AWS_REGION"))
      config.getOptionalValue(name, String.class).ifPresent(value -> values.put(name, value));
    return values;
  }

  /** Unremovable: it is reached only through {@code Instance<ProgressSink>}, which ArC's unused-bean pass may not count. */
  @Produces
  @Singleton
  @Unremovable
  WebSocketSink webSocketSink(Connections connections, AwsAdapters aws, Clock clock) {
    return new WebSocketSink(connections, aws.connectionPusher(), clock);
  }

  @Produces
  @Singleton
  ProgressPublisher progressPublisher(RunEventLog log, @Any Instance<ProgressSink> sinks) {
    return new ProgressPublisher(log, sinks.stream().toList());
  }
}
