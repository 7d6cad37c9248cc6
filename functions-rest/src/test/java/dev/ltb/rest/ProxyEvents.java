package dev.ltb.rest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway REST proxy events, as documented (a checked-in sample, with method, path, query, headers, body and the
 * authorizer's context replaced), sent to the app through Quarkus' mock Lambda event server ({@link #send}) or
 * handed to the handler in-process ({@link #event}, as {@code RestLatencyBench} does); answers are the proxy
 * integration's response objects.
 */
final class ProxyEvents {

  record Reply(int status, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }
  }

  /** Who the authorizer said is calling. */
  record As(String tenant, String principal, String role) {
    static As member(String tenant) {
      return new As(tenant, "user-" + tenant, "member");
    }

    static As owner(String tenant) {
      return new As(tenant, "owner-" + tenant, "owner");
    }
  }

  private ProxyEvents() {}

  static Reply send(As as, String method, String pathAndQuery, String body, Map<String, String> headers) {
    String answer = given().contentType("application/json").body(event(as, method, pathAndQuery, body, headers).toString())
        .post("/_lambda_").then().extract().asString();
    return reply(answer);
  }

  /** The proxy event API Gateway sends for this request; {@code as} null: no authorizer context. */
  static ObjectNode event(As as, String method, String pathAndQuery, String body, Map<String, String> headers) {
    ObjectNode event = template();
    String path = pathAndQuery, query = null;
    int q = pathAndQuery.indexOf('?');
    if (q >= 0) {
      path = pathAndQuery.substring(0, q);
      query = pathAndQuery.substring(q + 1);
    }
    event.put("httpMethod", method).put("path", path);
    ((ObjectNode) event.get("pathParameters")).put("proxy", path.substring(1));
    ObjectNode context = (ObjectNode) event.get("requestContext");
    context.put("httpMethod", method).put("path", "/prod" + path);
    if (as == null) context.remove("authorizer");
    else ((ObjectNode) context.get("authorizer")).put("principalId", as.principal()).put("tenantId", as.tenant())
        .put("role", as.role());
    Map<String, String> all = new LinkedHashMap<>(Map.of("Accept", "application/json", "User-Agent", "curl/8.5.0"));
    if (body != null) all.put("Content-Type", "application/json");
    all.putAll(headers);
    ObjectNode single = event.putObject("headers"), multi = event.putObject("multiValueHeaders");
    all.forEach((k, v) -> {
      single.put(k, v);
      multi.putArray(k).add(v);
    });
    if (query != null) {
      ObjectNode qs = event.putObject("queryStringParameters"), mqs = event.putObject("multiValueQueryStringParameters");
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        String value = java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8);
        qs.put(kv[0], value);
        mqs.putArray(kv[0]).add(value);
      }
    }
    if (body != null) event.put("body", body);
    return event;
  }

  /** Reads the proxy integration's response object the handler answered. */
  static Reply reply(String answer) {
    try {
      JsonNode response = Json.mapper().readTree(answer);
      Map<String, String> replyHeaders = new LinkedHashMap<>();
      response.path("headers").properties().forEach(e -> replyHeaders.put(e.getKey(), e.getValue().asText()));
      response.path("multiValueHeaders").properties()
          .forEach(e -> replyHeaders.putIfAbsent(e.getKey(), e.getValue().path(0).asText()));
      String replyBody = response.path("body").isNull() ? "" : response.path("body").asText();
      if (response.path("isBase64Encoded").asBoolean())
        replyBody = new String(java.util.Base64.getDecoder().decode(replyBody), java.nio.charset.StandardCharsets.UTF_8);
      return new Reply(response.path("statusCode").asInt(), replyHeaders, replyBody);
    } catch (IOException e) {
      throw new UncheckedIOException("not a proxy response: " + answer, e);
    }
  }

  static Reply send(As as, String method, String pathAndQuery, String body) {
    return send(as, method, pathAndQuery, body, Map.of());
  }

  private static ObjectNode template() {
    try (InputStream in = ProxyEvents.class.getResourceAsStream("/events/get-run.json")) {
      return (ObjectNode) Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
