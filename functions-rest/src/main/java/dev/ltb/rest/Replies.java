package dev.ltb.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.api.Caller;
import dev.ltb.api.Idempotency;
import dev.ltb.json.Json;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/** Answers: JSON with a strong ETag (304 on a matching If-None-Match), and idempotent POSTs. */
final class Replies {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private Replies() {}

  static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * 200 with the value as JSON, or 304 when the client's copy is current. The body is written as UTF-8 bytes once and
   * hashed and sent as such: a page of 100 results is ~130 KB, and a String would be encoded twice more.
   */
  static Response get(Request request, Object value) {
    byte[] body = jsonBytes(value);
    EntityTag tag = new EntityTag(hash(body));
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) return notModified.tag(tag).build();
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag).build();
  }

  private static byte[] jsonBytes(Object value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Where a created resource can be read: {@code segment/<id>}, the id at {@code idPointer} (a JSON Pointer) in the
   * answer.
   * Relative to the request's URI (RFC 9110), so it resolves under the API's stage: {@code POST /prod/runs} answers
   * {@code runs/run-…}, which a client resolves to {@code /prod/runs/run-…}.
   */
  record Location(String segment, String idPointer) {
    String of(String answer) {
      try {
        String id = Json.mapper().readTree(answer).at(idPointer).asText("");
        return id.isEmpty() ? null : segment + "/" + id;
      } catch (JsonProcessingException e) {
        return null;
      }
    }
  }

  /** Runs a POST once per Idempotency-Key; a retry gets the first answer again. */
  static Response post(Idempotency idempotency, Caller caller, String key, String operation, byte[] body,
      int status, Supplier<Object> action) {
    return post(idempotency, caller, key, operation, body, status, action, null);
  }

  /** {@link #post}, and a 201's {@code Location} names the created resource (a replay's too). */
  static Response post(Idempotency idempotency, Caller caller, String key, String operation, byte[] body,
      int status, Supplier<Object> action, Location location) {
    Bodies.checkSize(body);
    Idempotency.Outcome outcome = idempotency.execute(caller, key, operation, body,
        () -> new Idempotency.Answer(status, json(action.get())));
    Response.ResponseBuilder response =
        Response.status(outcome.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(outcome.body());
    if (outcome.replayed()) response.header(REPLAYED, "true");
    if (location != null && outcome.status() == 201) response.header(HttpHeaders.LOCATION, location.of(outcome.body()));
    return response.build();
  }

  /** {@link #post} whose status depends on the outcome (e.g. 201 for a new resource, 200 for an existing one). */
  static Response post(Idempotency idempotency, Caller caller, String key, String operation, byte[] body,
      Supplier<Idempotency.Answer> action) {
    Bodies.checkSize(body);
    Idempotency.Outcome outcome = idempotency.execute(caller, key, operation, body, action);
    Response.ResponseBuilder response =
        Response.status(outcome.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(outcome.body());
    if (outcome.replayed()) response.header(REPLAYED, "true");
    return response.build();
  }

  static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
