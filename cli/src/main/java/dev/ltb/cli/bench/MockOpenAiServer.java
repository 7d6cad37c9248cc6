package dev.ltb.cli.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for an OpenAI-compatible server on 127.0.0.1 that answers every
 * {@code POST /v1/chat/completions} after a fixed delay with a documented Chat Completions body. Run by
 * {@code ltb bench} in a child process, so its CPU is not counted against the bench client.
 *
 * <p>Usage: {@code java -cp ltb.jar dev.ltb.cli.bench.MockOpenAiServer <delayMs>}; prints
 * {@code LISTENING <port>} and serves until standard input closes.
 */
public final class MockOpenAiServer implements AutoCloseable {

  private static final String ANSWER =
      "The answer is 42. Paris is the capital of France, and the Seine runs through it. This reply is long enough "
          + "to look like a model's answer: it has several sentences, a number or two (1789, 2024), and words that "
          + "assertions can look for, such as quality, latency and cost. It ends politely. Thank you for asking.";

  private final HttpServer server;
  private final AtomicLong requests = new AtomicLong();

  public MockOpenAiServer(long delayMs) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    byte[] body = responseBody().getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          try (exchange) {
            drain(exchange.getRequestBody());
            requests.incrementAndGet();
            sleep(delayMs);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static String responseBody() {
    return """
        {"id":"chatcmpl-bench","object":"chat.completion","created":1732780800,"model":"bench-model",\
        "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"logprobs":null,"finish_reason":"stop"}],\
        "usage":{"prompt_tokens":24,"completion_tokens":68,"total_tokens":92}}"""
        .formatted(ANSWER);
  }

  private static void drain(InputStream in) throws IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) throws IOException {
    long delayMs = args.length > 0 ? Long.parseLong(args[0]) : 50;
    try (MockOpenAiServer server = new MockOpenAiServer(delayMs)) {
      System.out.println("LISTENING " + server.port());
      System.out.flush();
      System.in.transferTo(OutputStream.nullOutputStream()); // serve until the parent closes our stdin
    }
  }

}
