package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ltb.audit.RequestContext;
import dev.ltb.functions.wire.WebSocketEvent;
import dev.ltb.functions.wire.WebSocketResponse;
import dev.ltb.progress.WebSocketSessions;
import dev.ltb.security.AuthenticationException;
import dev.ltb.security.Principal;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code websocket}: the WebSocket API's integration for every route (docs/api/websocket.md). {@code $connect}
 * authenticates the token from {@code ?token=} or {@code Sec-WebSocket-Protocol} (answered back when used) and
 * stores the connection; {@code $disconnect} forgets it; any other route ({@code subscribe}, {@code
 * unsubscribe}, {@code $default}) is a client message answered by {@link WebSocketSessions}.
 */
@Named("websocket")
@Singleton
public class WebSocketHandler extends JsonHandler<WebSocketEvent, WebSocketResponse> {

  static final String PROTOCOL_HEADER = "Sec-WebSocket-Protocol";
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketHandler.class);

  private final WebSocketSessions sessions;
  private final WebSocketAuthenticator authenticator;

  @Inject
  public WebSocketHandler(WebSocketSessions sessions, WebSocketAuthenticator authenticator) {
    super(WebSocketEvent.class);
    this.sessions = sessions;
    this.authenticator = authenticator;
  }

  @Override
  protected WebSocketResponse handle(WebSocketEvent event, Context context) {
    String connectionId = event.requestContext().connectionId();
    return switch (event.requestContext().eventType()) {
      case "CONNECT" -> connect(event, connectionId);
      case "DISCONNECT" -> {
        sessions.disconnect(connectionId);
        yield WebSocketResponse.ok();
      }
      default -> WebSocketResponse.reply(
          sessions.receive(connectionId, event.body(), new RequestContext(event.sourceIp(), event.header("User-Agent"))));
    };
  }

  private WebSocketResponse connect(WebSocketEvent event, String connectionId) {
    String query = event.queryStringParameters().get("token");
    String protocol = query == null || query.isBlank() ? offeredToken(event.header(PROTOCOL_HEADER)) : null;
    Principal principal;
    try {
      principal = authenticator.authenticate(query != null && !query.isBlank() ? query : protocol);
    } catch (AuthenticationException e) {
      LOG.info("refused WebSocket connection {}: {}", connectionId, e.getMessage());
      return new WebSocketResponse(401, null, null);
    }
    sessions.connect(connectionId, principal);
    return protocol == null ? WebSocketResponse.ok() : new WebSocketResponse(200, Map.of(PROTOCOL_HEADER, protocol), null);
  }

  /**
   * The token among the offered subprotocols: browsers can set no header but this one, so clients offer the
   * token itself (alone, or after other protocol names such as {@code ltb.v1}); the first value that looks like
   * an API key ({@code ltb_…}) or a JWT (three dot-separated parts) is taken.
   */
  static String offeredToken(String header) {
    if (header == null) return null;
    return Arrays.stream(header.split(","))
        .map(String::strip)
        .filter(value -> value.startsWith("ltb_") || value.split("\\.", -1).length == 3)
        .findFirst()
        .orElse(null);
  }
}
