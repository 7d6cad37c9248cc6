package dev.ltb.rest;

import dev.ltb.api.ApiException;
import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
import dev.ltb.audit.AuditQuery;
import dev.ltb.security.ApiKeyRecord;
import dev.ltb.security.IssuedApiKey;
import io.quarkus.amazon.lambda.http.model.AwsProxyRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The tenant's account: {@code /usage} (JSON or CSV), {@code /audit}, {@code /api-keys}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

  /** An API key as listed: never its hash. */
  public record ApiKeyView(String keyId, String name, String role, Instant createdAt, String createdBy,
      Instant revokedAt, Instant lastUsedAt) {
    static ApiKeyView of(ApiKeyRecord key) {
      return new ApiKeyView(key.keyId(), key.name(), key.role().id(), key.createdAt(), key.createdBy(),
          key.revokedAt(), key.lastUsedAt());
    }
  }

  /** A new key: the secret {@code key} is shown here once. */
  public record IssuedKeyView(String key, ApiKeyView apiKey) {
    static IssuedKeyView of(IssuedApiKey issued) {
      return new IssuedKeyView(issued.key().reveal(), ApiKeyView.of(issued.record()));
    }
  }

  public record NewKey(String name) {}

  @Inject ApiServices api;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  @GET
  @Path("usage")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  public Response usage(@QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
    Caller caller = Callers.from(context);
    LocalDate start = date("from", from), end = date("to", to);
    if ("csv".equals(format) || (accept != null && accept.contains("text/csv")))
      return Response.ok(api.account().usageCsv(caller, start, end), "text/csv; charset=utf-8").build();
    return Replies.get(request, api.account().usage(caller, start, end));
  }

  @GET
  @Path("audit")
  public Response audit(@QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
    Caller caller = Callers.from(context);
    AuditQuery query;
    try {
      query = new AuditQuery(instant("from", from), instant("to", to), Pages.of(limit, cursor));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("from", e.getMessage());
    }
    return Replies.get(request, api.account().audit(caller, query));
  }

  @GET
  @Path("api-keys")
  public Response keys() {
    List<ApiKeyView> keys = api.account().keys(Callers.from(context)).stream().map(ApiKeyView::of).toList();
    return Replies.get(request, keys);
  }

  @POST
  @Path("api-keys")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issue(@HeaderParam(Replies.IDEMPOTENCY_KEY) String key, byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /api-keys", body, 201,
        () -> IssuedKeyView.of(api.account().issueKey(caller, Bodies.read(body, NewKey.class).name())));
  }

  @DELETE
  @Path("api-keys/{keyId}")
  public Response revoke(@PathParam("keyId") String keyId) {
    api.account().revokeKey(Callers.from(context), keyId);
    return Response.noContent().build();
  }

  private static LocalDate date(String field, String value) {
    if (value == null) throw ApiException.invalidField(field, "is required (YYYY-MM-DD)");
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField(field, "must be a date YYYY-MM-DD");
    }
  }

  private static Instant instant(String field, String value) {
    if (value == null) return null;
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField(field, "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
    }
  }
}
