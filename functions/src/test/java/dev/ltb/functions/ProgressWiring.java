package dev.ltb.functions;

import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.progress.Connections;
import dev.ltb.progress.ProgressPublisher;
import dev.ltb.progress.RunEventLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The {@code websocket} and {@code progress-publisher} handlers built by {@link ProgressBeans}' producer methods in
 * plain Java, for tests on the local cloud (as {@link FunctionsWiring} does for the pipeline's handlers).
 */
public final class ProgressWiring {

  private final ProgressBeans beans = new ProgressBeans();
  private final AwsAdapters aws;
  private final Clock clock = Clock.systemUTC();
  private final Connections connections;
  private final RunEventLog log;

  /** @param aws adapters whose settings include {@code LTB_WEBSOCKET_CALLBACK_URL} */
  public ProgressWiring(AwsAdapters aws) {
    this.aws = aws;
    this.connections = beans.connections(aws);
    this.log = beans.runEventLog(aws);
  }

  public WebSocketHandler webSocket() {
    RunHistories histories = aws.runHistories();
    return new WebSocketHandler(
        beans.webSocketSessions(connections, histories, log, aws, clock),
        new WebSocketAuthenticator(AuthorizerBeans.authenticator(
            name -> Optional.empty(), Optional.empty(),
            new DynamoTenancyStores(aws.clients().dynamoDb(), aws.settings().table()).apiKeys(), clock)));
  }

  public ProgressPublisherHandler progressPublisher() {
    ProgressPublisher publisher =
        new ProgressPublisher(log, List.of(beans.webSocketSink(connections, aws, clock)));
    return new ProgressPublisherHandler(publisher);
  }
}
