package dev.ltb.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * POSTs one signed event. Redirects are not followed (a redirect could lead past the {@link EndpointPolicy}), the
 * response body is discarded unread, and a failure is described by its kind only: receiver URLs often carry tokens
 * in their path, so neither the URL nor the body appear in results or logs.
 */
public final class WebhookSender {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** What came back: a status, or none and a short error. */
  public record Response(Integer status, long durationMs, String error) {
    public boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }
  }

  private final HttpClient client;
  private final Duration timeout;

  public WebhookSender(HttpClient client, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  public static WebhookSender standard() {
    return new WebhookSender(HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build(), DEFAULT_TIMEOUT);
  }

  public Response post(URI url, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    long started = System.nanoTime();
    try {
      HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      return new Response(response.statusCode(), elapsedMs(started), null);
    } catch (HttpTimeoutException e) {
      return new Response(null, elapsedMs(started), "timeout after " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return new Response(null, elapsedMs(started), "connection failed (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(null, elapsedMs(started), "interrupted");
    }
  }

  private static long elapsedMs(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
