package dev.ltb.localcloud.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client for tests (the JDK's): collects every text message the server sends. */
public final class WebSocketTestClient implements AutoCloseable {

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private WebSocketTestClient(URI url, List<String> subprotocols) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (!subprotocols.isEmpty())
      builder.subprotocols(subprotocols.getFirst(), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
    this.socket = builder.buildAsync(url, new Listener()).join();
  }

  /** Connects, or throws (a {@code CompletionException} whose cause is the JDK's handshake failure). */
  public static WebSocketTestClient connect(URI url, String... subprotocols) {
    return new WebSocketTestClient(url, List.of(subprotocols));
  }

  /** The subprotocol the server answered, "" for none. */
  public String subprotocol() {
    return socket.getSubprotocol();
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next message, or null after the timeout. */
  public String next(Duration timeout) throws InterruptedException {
    return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The close code once the server closed the connection. */
  public CompletableFuture<Integer> closed() {
    return closed;
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
