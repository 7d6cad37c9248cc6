package dev.ltb.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ProviderException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Maps an HTTP error answer to the {@link ProviderException} taxonomy, once for every vendor: 401/403 →
 * authentication, 429 → rate limited (with the wait the vendor asked for), 400/404/413/422 and other 4xx →
 * invalid request (content-filter codes → content filtered), 408 → timeout, 5xx and 529 → server error
 * (with Retry-After when given). The message names the provider, the status and the vendor's own error
 * message from the common body shapes, shortened; {@code AbstractProvider} redacts secrets from it.
 */
public final class HttpErrorMapper {

  /** Longest vendor message kept in an exception: enough to act on, short enough for a report cell. */
  static final int MAX_VENDOR_MESSAGE = 300;

  private static final Set<String> CONTENT_FILTER_CODES =
      Set.of("content_filter", "content_policy_violation", "content_filtered", "safety");

  private HttpErrorMapper() {}

  public static ProviderException map(String providerId, int status, HttpHeaders headers, String body) {
    return map(providerId, status, headers, body, Clock.systemUTC());
  }

  public static ProviderException map(String providerId, int status, HttpHeaders headers, String body, Clock clock) {
    VendorError vendor = VendorError.parse(body);
    String message = providerId + ": HTTP " + status + " " + label(status) + vendor.suffix();
    return switch (status) {
      case 401, 403 -> new ProviderException.Authentication(message, status);
      case 429 -> new ProviderException.RateLimited(message, status, retryAfter(headers, body, clock));
      case 408 -> new ProviderException.Timeout(message, null);
      default -> {
        if (status >= 500) yield new ProviderException.ServerError(message, status, retryAfter(headers, body, clock));
        if (status >= 400 && CONTENT_FILTER_CODES.contains(vendor.code().toLowerCase(Locale.ROOT)))
          yield new ProviderException.ContentFiltered(message, status);
        if (status >= 400) yield new ProviderException.InvalidRequest(message, status);
        yield new ProviderException.MalformedResponse(message, status, null);
      }
    };
  }

  /**
   * The vendor's error text from a body (JSON error shapes or plain text), as {@code "code: message"},
   * shortened; empty when the body says nothing useful. Also for errors that arrive inside a stream.
   */
  public static String vendorMessage(String body) {
    return VendorError.parse(body).text();
  }

  private static Duration retryAfter(HttpHeaders headers, String body, Clock clock) {
    return RetryAfter.fromHeaders(headers, clock).or(() -> RetryAfter.fromBody(body)).orElse(null);
  }

  private static String label(int status) {
    return switch (status) {
      case 400 -> "invalid request";
      case 401 -> "authentication failed (check the API key)";
      case 403 -> "permission denied (check the API key's access to this model)";
      case 404 -> "not found (check the model name and apiBaseUrl)";
      case 408 -> "request timeout";
      case 413 -> "request too large";
      case 422 -> "unprocessable request";
      case 429 -> "rate limited";
      case 500 -> "server error";
      case 502 -> "bad gateway";
      case 503 -> "service unavailable";
      case 504 -> "gateway timeout";
      case 529 -> "overloaded";
      default -> status >= 500 ? "server error" : status >= 400 ? "client error" : "unexpected status";
    };
  }

  /**
   * What the vendor said, from {"error":{"message","code"|"type"|"status"}}, {"error":"..."}, {"message"},
   * Mistral's {"message":{"detail":[{loc, msg}]}, "type"} and FastAPI's {"detail"}.
   */
  private record VendorError(String code, String message) {

    static VendorError parse(String body) {
      if (body == null || body.isBlank()) return new VendorError("", "");
      JsonNode root;
      try {
        root = Json.mapper().readTree(body);
      } catch (IOException notJson) {
        return new VendorError("", plainText(body));
      }
      if (root == null || !root.isObject()) return new VendorError("", plainText(body));
      JsonNode error = root.path("error");
      if (error.isObject()) {
        return new VendorError(
            firstText(error, "code", "type", "status"), firstText(error, "message", "msg", "detail"));
      }
      if (error.isTextual()) return new VendorError(firstText(root, "code", "type"), error.asText());
      if (root.path("message").isTextual())
        return new VendorError(firstText(root, "code", "type"), root.get("message").asText());
      if (root.path("message").path("detail").isArray())
        return new VendorError(firstText(root, "type", "code"), validationDetail(root.get("message").get("detail")));
      JsonNode detail = root.path("detail");
      if (detail.isTextual()) return new VendorError("", detail.asText());
      if (detail.isArray() && detail.path(0).path("msg").isTextual())
        return new VendorError("", detail.get(0).get("msg").asText());
      JsonNode errors = root.path("errors");
      if (errors.isArray() && errors.path(0).path("message").isTextual())
        return new VendorError("", errors.get(0).get("message").asText());
      return new VendorError("", "");
    }

    /** The first of Mistral's validation errors, {@code [{loc: [body, field], msg}]}, as "field: msg". */
    private static String validationDetail(JsonNode detail) {
      JsonNode first = detail.path(0);
      String message = first.path("msg").asText("");
      JsonNode location = first.path("loc");
      if (!location.isArray() || location.isEmpty()) return message;
      String field = location.get(location.size() - 1).asText();
      return field.isEmpty() || field.equals("body") ? message : field + ": " + message;
    }

    String text() {
      String text = code.isEmpty() || message.isEmpty() ? code + message : code + ": " + message;
      return shorten(text);
    }

    String suffix() {
      String text = text();
      return text.isEmpty() ? "" : ": " + text;
    }

    private static String firstText(JsonNode node, String... fields) {
      for (String field : fields) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual() && !value.asText().isBlank()) return value.asText();
      }
      return "";
    }

    private static String plainText(String body) {
      return body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String text) {
      String single = text.replaceAll("\\s+", " ").strip();
      return single.length() <= MAX_VENDOR_MESSAGE ? single : single.substring(0, MAX_VENDOR_MESSAGE - 3) + "...";
    }
  }
}
