package dev.ltb.provider.ollama.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.http.HttpConnection;
import dev.ltb.provider.http.HttpErrorMapper;
import dev.ltb.provider.http.HttpJsonTransport;
import dev.ltb.provider.http.NdjsonStream;
import java.net.http.HttpClient;
import java.util.Optional;

/**
 * Calls {@code /api/chat} or {@code /api/generate} and reads the answer whole or as an NDJSON stream; maps an
 * {@code error} line inside a stream (the HTTP status is already 200) to a server error, and a stream that
 * ends before its {@code done} line to a server error too (the server or the connection failed mid-answer).
 */
public final class OllamaClient {

  private final String providerId;
  private final HttpConnection connection;
  private final HttpJsonTransport transport;
  private final Optional<ModelPrice> price;

  public OllamaClient(String providerId, HttpConnection connection, HttpClient client, Optional<ModelPrice> price) {
    this.providerId = providerId;
    this.connection = connection;
    this.transport = new HttpJsonTransport(client, providerId);
    this.price = price;
  }

  public HttpConnection connection() {
    return connection;
  }

  /** Posts {@code body} (whose {@code stream} field says how the answer comes) to {@code path}. */
  public ProviderResponse generate(String path, ObjectNode body) {
    boolean stream = body.path("stream").asBoolean(false);
    OllamaAnswer answer = stream ? streamed(path, body) : whole(path, body);
    ProviderResponse response = answer.toResponse();
    if (!answer.usageReported()) return response;
    return response.withCost(price.map(known -> known.costUsd(response.usage())).orElse(null));
  }

  private OllamaAnswer whole(String path, ObjectNode body) {
    OllamaResponse line =
        transport.postJson(
            connection.resolve(path), connection.headers(), body, connection.timeout(), OllamaResponse.class);
    if (line.hasError()) throw failed(line, "failed");
    OllamaAnswer answer = new OllamaAnswer(null);
    answer.accept(line);
    return answer;
  }

  private OllamaAnswer streamed(String path, ObjectNode body) {
    return transport.postStreaming(
        connection.resolve(path),
        connection.headersWith("Accept", "application/x-ndjson"),
        body,
        connection.timeout(),
        response -> {
          OllamaAnswer answer = new OllamaAnswer(response::elapsedMillis);
          try (NdjsonStream lines = new NdjsonStream(response.body())) {
            OllamaResponse line;
            while ((line = lines.next(OllamaResponse.class)) != null) {
              if (line.hasError()) throw failed(line, "failed while streaming");
              answer.accept(line);
              if (line.isDone()) break;
            }
          }
          if (!answer.finished()) {
            throw new ProviderException.ServerError(
                providerId + ": the stream ended before its final line (done: true); the server may have stopped"
                    + " mid-answer",
                200,
                null);
          }
          return answer;
        });
  }

  private ProviderException failed(OllamaResponse line, String what) {
    ObjectNode error = JsonNodeFactory.instance.objectNode().set("error", line.error());
    return new ProviderException.ServerError(
        providerId + ": the server " + what + ": " + HttpErrorMapper.vendorMessage(error.toString()), 200, null);
  }
}
