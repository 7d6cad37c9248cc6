package dev.ltb.functions.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A WebSocket integration's answer: on {@code $connect} a status other than 2xx refuses the connection and
 * {@code headers} may name the accepted {@code Sec-WebSocket-Protocol}; on a two-way route {@code body} is sent to
 * the client.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebSocketResponse(int statusCode, Map<String, String> headers, String body) {

  public static WebSocketResponse ok() {
    return new WebSocketResponse(200, null, null);
  }

  public static WebSocketResponse reply(String body) {
    return new WebSocketResponse(200, null, body);
  }
}
