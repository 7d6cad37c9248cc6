package dev.ltb.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ltb.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets Manager's documented JSON protocol ({@code POST /}, {@code X-Amz-Target: secretsmanager.<Action>}) over
 * a map, for the actions the adapters use: CreateSecret, PutSecretValue, GetSecretValue, ListSecrets (name
 * filter), DeleteSecret. Errors are answered as the service does: 400 with {@code __type}.
 */
public final class FakeSecretsManager implements AutoCloseable {

  private record Secret(String value, Instant changed) {}

  private final Map<String, Secret> secrets = new TreeMap<>();
  private final HttpServer server;

  public FakeSecretsManager() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The stored names, for assertions. */
  public synchronized java.util.Set<String> names() {
    return java.util.Set.copyOf(secrets.keySet());
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    JsonNode request = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
    ObjectNode response = Json.mapper().createObjectNode();
    String action = target == null ? "" : target.substring(target.indexOf('.') + 1);
    String name = request.has("Name") ? request.get("Name").asText() : request.path("SecretId").asText();
    Instant now = Instant.now();
    switch (action) {
      case "CreateSecret" -> {
        if (secrets.containsKey(name)) {
          error(exchange, "ResourceExistsException", "the secret " + name + " already exists");
          return;
        }
        secrets.put(name, new Secret(request.get("SecretString").asText(), now));
        response.put("ARN", arn(name)).put("Name", name).put("VersionId", "v1");
      }
      case "PutSecretValue" -> {
        if (!secrets.containsKey(name)) {
          error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
          return;
        }
        secrets.put(name, new Secret(request.get("SecretString").asText(), now));
        response.put("ARN", arn(name)).put("Name", name).put("VersionId", "v2");
      }
      case "GetSecretValue" -> {
        Secret secret = secrets.get(name);
        if (secret == null) {
          error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
          return;
        }
        response.put("ARN", arn(name)).put("Name", name).put("SecretString", secret.value()).put("VersionId", "v1")
            .put("CreatedDate", secret.changed().getEpochSecond());
      }
      case "DeleteSecret" -> {
        if (secrets.remove(name) == null) {
          error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
          return;
        }
        response.put("ARN", arn(name)).put("Name", name).put("DeletionDate", now.getEpochSecond());
      }
      case "ListSecrets" -> {
        String prefix = request.path("Filters").path(0).path("Values").path(0).asText("");
        var list = response.putArray("SecretList");
        secrets.forEach((key, secret) -> {
          if (key.startsWith(prefix))
            list.addObject().put("ARN", arn(key)).put("Name", key).put("LastChangedDate", secret.changed().getEpochSecond());
        });
      }
      default -> {
        error(exchange, "InvalidRequestException", "unsupported action " + target);
        return;
      }
    }
    send(exchange, 200, response.toString());
  }

  private static String arn(String name) {
    return "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name + "-AbCdEf";
  }

  private static void error(HttpExchange exchange, String type, String message) throws IOException {
    send(exchange, 400, Json.mapper().createObjectNode().put("__type", type).put("message", message).toString());
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
