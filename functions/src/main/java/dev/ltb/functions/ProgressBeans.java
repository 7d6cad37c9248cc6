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
import dev.ltb.security.Authenticator;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The progress door's parts (issue 7): the WebSocket sessions and their authenticator for {@code websocket}, the
 * publisher and its sinks for {@code progress-publisher}. Every {@link ProgressSink} bean is one of the
 * publisher's sinks: another door (AppSync subscriptions) adds its sink by producing one (mark it
 * {@code @Unremovable}, as the WebSocket sink is), without touching this class. {@code $connect} accepts what the authorizer accepts
 * ({@link AuthorizerBeans}: API keys always, the pool's ID tokens when it is configured).
 */
@Singleton
public class ProgressBeans {

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

  /** The authorizer's authenticator (same pool, API keys, fixed tenant and cache): one identity for every door. */
  @Produces
  @Singleton
  WebSocketAuthenticator webSocketAuthenticator(@Named(AuthorizerBeans.AUTHENTICATOR) Authenticator authenticator) {
    return new WebSocketAuthenticator(authenticator);
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
