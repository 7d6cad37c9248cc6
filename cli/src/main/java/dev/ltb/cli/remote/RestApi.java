package dev.ltb.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The REST API of a deployed stack (docs/api/rest.md) as {@code ltb submit} and {@code ltb fetch} call it: JSON in and
 * out, the credential as {@code Authorization: Bearer …} (the header the REST authorizer reads), and every answer
 * that is not a success turned into an {@link ApiCallException} carrying the problem's detail and field errors.
 */
public final class RestApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final java.util.Set<String> RESTRICTED = java.util.Set.of("host", "content-length", "connection", "expect");

  private final URI base;
  private final String token;
  private final HttpClient http;

  public RestApi(URI base, String token) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();
  }

  /** {@code POST path} with a JSON body (and an {@code Idempotency-Key} when one is given). */
  public JsonNode post(String path, String jsonBody, String idempotencyKey) {
    HttpRequest.Builder request = authorized(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(jsonBody == null ? "" : jsonBody, StandardCharsets.UTF_8));
    if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
    return json("POST " + path, send(request.build(), "POST " + path));
  }

  public JsonNode get(String path) {
    return json("GET " + path, send(authorized(path).header("Accept", "application/json").GET().build(), "GET " + path));
  }

  /** {@code GET path} answered as a stream (the caller closes it), for bodies never held in memory. */
  public InputStream stream(String path, String accept) {
    return send(authorized(path).header("Accept", accept).GET().build(), "GET " + path).body();
  }

  /** {@code PUT} bytes to a presigned URL with exactly the headers the API answered (and no credential). */
  public void upload(URI url, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, value) -> {
      if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) request.header(name, value); // set by the client
    });
    HttpResponse<InputStream> response = exchange(request.build(), "PUT " + url.getHost());
    try (InputStream in = response.body()) {
      byte[] answer = in.readAllBytes();
      if (response.statusCode() / 100 != 2)
        throw new ApiCallException(response.statusCode(), "the upload of the module was refused (HTTP "
            + response.statusCode() + "): " + new String(answer, StandardCharsets.UTF_8).strip(), java.util.List.of());
    } catch (IOException e) {
      throw new ApiCallException(0, "the upload of the module failed: " + e.getMessage(), java.util.List.of());
    }
  }

  public static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
  }

  private HttpResponse<InputStream> send(HttpRequest request, String what) {
    HttpResponse<InputStream> response = exchange(request, what);
    if (response.statusCode() / 100 == 2) return response;
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readAllBytes();
    } catch (IOException e) {
      body = new byte[0];
    }
    throw ApiCallException.of(what, response.statusCode(), new String(body, StandardCharsets.UTF_8));
  }

  private HttpResponse<InputStream> exchange(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new ApiCallException(0, what + ": no answer from " + request.uri().getHost() + " in time", java.util.List.of());
    } catch (ConnectException e) {
      throw new ApiCallException(0, what + ": cannot reach " + base + " (" + e.getClass().getSimpleName() + ")",
          java.util.List.of());
    } catch (IOException e) {
      throw new ApiCallException(0, what + ": " + e.getMessage(), java.util.List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiCallException(0, what + ": interrupted", java.util.List.of());
    }
  }

  private static JsonNode json(String what, HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      byte[] body = in.readAllBytes();
      return body.length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new ApiCallException(0, what + ": the answer is not JSON: " + e.getMessage(), java.util.List.of());
    }
  }
}
