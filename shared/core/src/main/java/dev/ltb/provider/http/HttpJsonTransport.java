package dev.ltb.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.ltb.json.Json;
import dev.ltb.provider.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs JSON to a vendor over the shared {@link HttpClient} and maps every outcome to the {@link
 * ProviderException} taxonomy in one place: HTTP errors through {@link HttpErrorMapper}; no answer within
 * the timeout → timeout; cannot connect → unavailable; a body that is not the expected JSON → malformed
 * response. The timeout covers the whole call, including a streamed body.
 *
 * <p>Never logs headers, bodies or query strings (API keys travel there); logs the path and status at
 * DEBUG. One instance per provider; thread-safe.
 */
public final class HttpJsonTransport {

  private static final Logger LOG = LoggerFactory.getLogger(HttpJsonTransport.class);

  /** Error bodies are read up to this size: the message is all we keep of them. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final HttpClient client;
  private final String providerId;

  /**
   * @param client the shared client ({@code ProviderContext.httpClient()})
   * @param providerId prefixes every error message, e.g. {@code openai:chat:gpt-4o-mini}
   */
  public HttpJsonTransport(HttpClient client, String providerId) {
    this.client = Objects.requireNonNull(client, "client");
    this.providerId = Objects.requireNonNull(providerId, "providerId");
  }

  /** Reads a streamed body as it arrives; may throw {@link ProviderException} for errors inside the stream. */
  @FunctionalInterface
  public interface StreamReader<T> {
    T read(StreamingResponse response) throws IOException;
  }

  /**
   * POSTs {@code body} (a record, map or JsonNode, serialized with {@link Json#mapper()}) and reads the
   * whole answer as {@code type}.
   *
   * @throws ProviderException for every failure
   */
  public <T> T postJson(URI uri, Map<String, String> headers, Object body, Duration timeout, Class<T> type) {
    return postJson(uri, headers, body, timeout, Json.mapper().constructType(type));
  }

  public <T> T postJson(URI uri, Map<String, String> headers, Object body, Duration timeout, JavaType type) {
    return exchange(
        uri,
        headers,
        body,
        timeout,
        "application/json",
        response -> {
          byte[] bytes = response.body().readAllBytes();
          try {
            return Json.mapper().readValue(bytes, type);
          } catch (JsonProcessingException e) {
            throw new ProviderException.MalformedResponse(
                providerId + ": response is not the expected JSON (" + e.getOriginalMessage() + "): "
                    + snippet(new String(bytes, StandardCharsets.UTF_8)),
                response.status(),
                e);
          }
        });
  }

  /**
   * POSTs {@code body} and hands the 2xx answer to {@code reader} while it streams. IO failures of the reader
   * are mapped like those of the request (a stalled body → timeout, a broken connection → unavailable,
   * unparseable JSON → malformed response).
   *
   * @throws ProviderException for every failure
   */
  public <T> T postStreaming(
      URI uri, Map<String, String> headers, Object body, Duration timeout, StreamReader<T> reader) {
    return exchange(uri, headers, body, timeout, null, reader);
  }

  /**
   * Sends a body the caller has encoded itself, with any method (the generic {@code http} provider: JSON or
   * text bodies, GET without a body), and hands the 2xx answer to {@code reader}; failures are mapped as for
   * {@link #postStreaming}. {@code headers} should name the body's {@code Content-Type}.
   *
   * @param body the request body, or null for none
   * @throws ProviderException for every failure
   */
  public <T> T send(
      String method, URI uri, Map<String, String> headers, String body, Duration timeout, StreamReader<T> reader) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return exchange(builder(uri, headers, timeout, null).method(method, publisher).build(), timeout, reader);
  }

  private <T> T exchange(
      URI uri, Map<String, String> headers, Object body, Duration timeout, String accept, StreamReader<T> reader) {
    return exchange(request(uri, headers, body, timeout, accept), timeout, reader);
  }

  private <T> T exchange(HttpRequest request, Duration timeout, StreamReader<T> reader) {
    URI uri = request.uri();
    long sentAt = System.nanoTime();
    HttpResponse<InputStream> response = send(request, timeout);
    Duration remaining = timeout.minusNanos(System.nanoTime() - sentAt);
    try (DeadlineInputStream stream = new DeadlineInputStream(response.body(), remaining, timeout)) {
      int status = response.statusCode();
      LOG.debug("{} {} {} -> {} in {} ms", providerId, request.method(), uri.getPath(), status, (System.nanoTime() - sentAt) / 1_000_000);
      if (status < 200 || status > 299) {
        String errorBody = new String(stream.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        throw HttpErrorMapper.map(providerId, status, response.headers(), errorBody);
      }
      return reader.read(new StreamingResponse(status, response.headers(), stream, sentAt));
    } catch (UncheckedIOException e) {
      throw failed(e.getCause(), response.statusCode(), timeout);
    } catch (IOException e) {
      throw failed(e, response.statusCode(), timeout);
    }
  }

  private HttpRequest request(URI uri, Map<String, String> headers, Object body, Duration timeout, String accept) {
    byte[] json;
    try {
      json = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(providerId + ": cannot serialize the request: " + e.getOriginalMessage(), e);
    }
    Map<String, String> withType = new java.util.LinkedHashMap<>();
    withType.put("Content-Type", "application/json");
    withType.putAll(headers);
    return builder(uri, withType, timeout, accept).POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
  }

  private HttpRequest.Builder builder(URI uri, Map<String, String> headers, Duration timeout, String accept) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "llm-test-bench");
    if (accept != null && headers.keySet().stream().noneMatch("accept"::equalsIgnoreCase)) builder.header("Accept", accept);
    headers.forEach(
        (name, value) -> {
          try {
            builder.setHeader(name, value);
          } catch (IllegalArgumentException e) {
            throw new ProviderException.InvalidRequest(
                providerId + ": header \"" + name + "\" cannot be set by a client; remove it from the config", 0);
          }
        });
    return builder;
  }

  private HttpResponse<InputStream> send(HttpRequest request, Duration timeout) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new ProviderException.Unavailable(
          providerId + ": could not connect to " + origin(request.uri()) + " in time; is the server reachable?", e);
    } catch (HttpTimeoutException e) {
      throw new ProviderException.Timeout(providerId + ": no response within " + Durations.format(timeout), e);
    } catch (ConnectException e) {
      throw new ProviderException.Unavailable(
          providerId + ": cannot connect to " + origin(request.uri())
              + "; is the server running and the URL right?",
          e);
    } catch (IOException e) {
      throw new ProviderException.Unavailable(providerId + ": request failed: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException.Timeout(providerId + ": call interrupted (item timeout or run cancelled)", e);
    }
  }

  private ProviderException failed(IOException e, int status, Duration timeout) {
    if (Thread.currentThread().isInterrupted()) {
      return new ProviderException.Timeout(providerId + ": call interrupted (item timeout or run cancelled)", e);
    }
    if (e instanceof HttpTimeoutException) {
      return new ProviderException.Timeout(
          providerId + ": response not complete within " + Durations.format(timeout), e);
    }
    if (e instanceof JsonProcessingException json) {
      return new ProviderException.MalformedResponse(
          providerId + ": response is not the expected JSON: " + json.getOriginalMessage(), status, e);
    }
    return new ProviderException.Unavailable(
        providerId + ": connection lost while reading the response: " + describe(e), e);
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String snippet(String body) {
    String single = body.replaceAll("\\s+", " ").strip();
    return single.length() <= 200 ? single : single.substring(0, 197) + "...";
  }
}
