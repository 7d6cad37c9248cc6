package dev.ltb.provider.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpJsonTransportTest {

  @RegisterExtension
  static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpJsonTransport transport = new HttpJsonTransport(ProviderContext.defaultHttpClient(), "test:model");

  record Completion(String id, String model) {}

  @Test
  void postsJsonWithHeadersAndReadsTheAnswer() {
    vendor.stubFor(
        post("/v1/chat/completions").willReturn(ProviderFixtures.load("openai-chat-completions").response()));

    Completion completion =
        transport.postJson(uri("/v1/chat/completions"), Map.of("Authorization", "Bearer k-123"), Map.of("model", "m"),
            TIMEOUT, Completion.class);

    assertThat(completion).isEqualTo(new Completion("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "gpt-5.4"));
    vendor.verify(
        postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer k-123"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"model\":\"m\"}")));
  }

  @Test
  void mapsHttpErrorsWithTheVendorsWait() {
    ProviderFixtures.Fixture error = ProviderFixtures.load("openai-error-429-rate-limit");
    vendor.stubFor(post("/x").willReturn(error.response().withHeader("Retry-After", "2")));

    assertThatThrownBy(() -> transport.postJson(uri("/x"), Map.of(), Map.of(), TIMEOUT, Completion.class))
        .isInstanceOfSatisfying(
            ProviderException.RateLimited.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(429);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
              assertThat(e.getMessage()).startsWith("test:model: HTTP 429 rate limited: rate_limit_exceeded: Rate limit");
            });
  }

  @Test
  void aBodyThatIsNotJsonIsAMalformedResponse() {
    vendor.stubFor(post("/x").willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

    assertThatThrownBy(() -> transport.postJson(uri("/x"), Map.of(), Map.of(), TIMEOUT, Completion.class))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessageStartingWith("test:model: response is not the expected JSON (")
        .hasMessageEndingWith("): <html>maintenance</html>");
  }

  @Test
  void noAnswerWithinTheTimeoutIsATimeout() {
    vendor.stubFor(post("/x").willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(3000)));

    Duration timeout = Duration.ofMillis(300);

    assertThatThrownBy(() -> transport.postJson(uri("/x"), Map.of(), Map.of(), timeout, Completion.class))
        .isInstanceOfSatisfying(
            ProviderException.Timeout.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderErrorKind.TIMEOUT);
              assertThat(e.getMessage()).isEqualTo("test:model: no response within 300 ms");
            });
  }

  @Test
  void aBodyThatStallsIsATimeoutToo() throws Exception {
    List<String> seen = new ArrayList<>();
    try (StallingServer server = StallingServer.start("data: 1\n\n")) {

      assertThatThrownBy(
              () ->
                  transport.postStreaming(
                      server.uri(),
                      Map.of(),
                      Map.of(),
                      Duration.ofMillis(500),
                      response -> {
                        for (SseEvent event : new SseStream(response.body())) seen.add(event.data());
                        return seen;
                      }))
          .isInstanceOf(ProviderException.Timeout.class)
          .hasMessage("test:model: response not complete within 500 ms");
    }
    assertThat(seen).containsExactly("1");
  }

  @Test
  void anInterruptedCallIsATimeout() throws Exception {
    CountDownLatch firstEvent = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (StallingServer server = StallingServer.start("data: 1\n\n")) {
      Thread caller =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      transport.postStreaming(
                          server.uri(),
                          Map.of(),
                          Map.of(),
                          Duration.ofSeconds(30),
                          response -> {
                            for (SseEvent event : new SseStream(response.body())) firstEvent.countDown();
                            return null;
                          });
                    } catch (RuntimeException e) {
                      failure.set(e);
                    }
                  });
      firstEvent.await();
      caller.interrupt();
      caller.join();
    }

    assertThat(failure.get())
        .isInstanceOf(ProviderException.Timeout.class)
        .hasMessage("test:model: call interrupted (item timeout or run cancelled)");
  }

  @Test
  void aServerThatIsNotThereIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                transport.postJson(
                    URI.create("http://127.0.0.1:" + closedPort + "/v1"), Map.of(), Map.of(), TIMEOUT, Completion.class))
        .isInstanceOf(ProviderException.Unavailable.class)
        .hasMessage(
            "test:model: cannot connect to http://127.0.0.1:" + closedPort + "; is the server running and the URL right?");
  }

  @Test
  void streamsTheBodyToTheReader() {
    vendor.stubFor(post("/s").willReturn(ProviderFixtures.load("openai-chat-completions-stream").response()));

    List<String> contents =
        transport.postStreaming(
            uri("/s"),
            Map.of("Accept", "text/event-stream"),
            Map.of("stream", true),
            TIMEOUT,
            response -> {
              assertThat(response.elapsedMillis()).isNotNegative();
              List<String> texts = new ArrayList<>();
              for (SseEvent event : new SseStream(response.body()))
                texts.add(event.json().at("/choices/0/delta/content").asText());
              return texts;
            });

    assertThat(String.join("", contents)).isEqualTo(
        "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, I recommend"
            + " checking a reliable weather website or a weather app.");
    vendor.verify(postRequestedFor(urlPathEqualTo("/s")).withHeader("Accept", equalTo("text/event-stream")));
  }

  @Test
  void unparseableStreamDataIsAMalformedResponse() {
    vendor.stubFor(post("/s").willReturn(aResponse().withStatus(200).withBody("data: {oops\n\n")));

    assertThatThrownBy(
            () ->
                transport.postStreaming(
                    uri("/s"), Map.of(), Map.of(), TIMEOUT, response -> new SseStream(response.body()).next().json()))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessageStartingWith("test:model: response is not the expected JSON: ");
  }

  @Test
  void errorsRaisedByTheReaderPassThrough() {
    vendor.stubFor(post("/s").willReturn(ProviderFixtures.load("ollama-stream-midstream-error").response()));

    assertThatThrownBy(
            () ->
                transport.postStreaming(
                    uri("/s"),
                    Map.of(),
                    Map.of(),
                    TIMEOUT,
                    response -> {
                      for (var node : new NdjsonStream(response.body())) {
                        if (node.has("error"))
                          throw new ProviderException.ServerError(
                              "stream failed: " + node.get("error").asText(), 200, null);
                      }
                      return null;
                    }))
        .isInstanceOf(ProviderException.ServerError.class)
        .hasMessage("stream failed: an error was encountered while running the model");
  }

  @Test
  void sendsAnyMethodWithABodyTheCallerEncoded() {
    vendor.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.put("/raw").willReturn(aResponse().withStatus(200).withBody("done")));

    String answer =
        transport.send(
            "PUT", uri("/raw"), Map.of("Content-Type", "text/plain"), "hello", TIMEOUT,
            response -> new String(response.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));

    assertThat(answer).isEqualTo("done");
    vendor.verify(
        com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlPathEqualTo("/raw"))
            .withHeader("Content-Type", equalTo("text/plain"))
            .withRequestBody(equalTo("hello")));
  }

  @Test
  void aHeaderTheClientMayNotSetIsAnInvalidRequest() {
    assertThatThrownBy(() -> transport.postJson(uri("/x"), Map.of("Host", "evil"), Map.of(), TIMEOUT, Completion.class))
        .isInstanceOf(ProviderException.InvalidRequest.class)
        .hasMessage("test:model: header \"Host\" cannot be set by a client; remove it from the config");
  }

  private static URI uri(String path) {
    return URI.create(vendor.baseUrl() + path);
  }
}
