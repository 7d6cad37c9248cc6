package dev.ltb.aws.apigateway;

import dev.ltb.aws.AwsStorageException;
import dev.ltb.progress.ConnectionPusher;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Pushes messages to WebSocket connections through the API Gateway Management API ({@code POST
 * /@connections/{id}} on the stage's callback URL, {@code LTB_WEBSOCKET_CALLBACK_URL}). 410 Gone means the client
 * went away without the gateway telling {@code $disconnect} yet: reported as {@link Result#GONE}.
 */
public final class ApiGatewayConnectionPusher implements ConnectionPusher {

  private final ApiGatewayManagementApiClient client;

  public ApiGatewayConnectionPusher(ApiGatewayManagementApiClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public Result push(String connectionId, String message) {
    try {
      client.postToConnection(b -> b.connectionId(connectionId).data(SdkBytes.fromString(message, StandardCharsets.UTF_8)));
      return Result.DELIVERED;
    } catch (GoneException gone) {
      return Result.GONE;
    } catch (SdkException e) {
      throw new AwsStorageException("Cannot push to WebSocket connection " + connectionId + ": " + e.getMessage(), e);
    }
  }
}
