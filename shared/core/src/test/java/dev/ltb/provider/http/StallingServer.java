package dev.ltb.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP server that answers 200, sends the start of a chunked body and then stalls: what WireMock cannot
 * do exactly (its dribble delays the headers too).
 */
final class StallingServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread thread;

  private StallingServer(ServerSocket socket, String firstChunk) {
    this.socket = socket;
    this.thread = Thread.ofVirtual().start(() -> serve(firstChunk));
  }

  static StallingServer start(String firstChunk) throws IOException {
    return new StallingServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), firstChunk);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/stall");
  }

  private void serve(String firstChunk) {
    try (Socket client = socket.accept()) {
      InputStream in = client.getInputStream();
      readRequestHead(in);
      byte[] chunk = firstChunk.getBytes(StandardCharsets.UTF_8);
      OutputStream out = client.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
              + Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(chunk);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (in.read() >= 0) {
        // stall until the client gives up and closes the connection
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) return;
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
