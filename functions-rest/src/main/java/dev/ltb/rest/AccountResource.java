package dev.ltb.rest;

import dev.ltb.usage.DailyUsage;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's account: {@code /usage} (JSON or CSV), {@code /audit}, {@code /api-keys}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account")
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
  @Operation(operationId = "getUsage", summary = "Daily usage",
      description = "One entry per day in [from, to]; CSV with format=csv or Accept: text/csv.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = "OK; the JSON answer has a strong ETag.",
      headers = @Header(ref = ApiDoc.ETAG), content = {
          @Content(mediaType = ApiDoc.JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = DailyUsage.class)),
          @Content(mediaType = ApiDoc.CSV, schema = @Schema(type = SchemaType.STRING,
              description = "A header line, then one line per day."))})
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  public Response usage(
      @Parameter(description = "First day, YYYY-MM-DD.", required = true) @QueryParam("from") String from,
      @Parameter(description = "Last day, YYYY-MM-DD (at most 366 days after from).", required = true)
      @QueryParam("to") String to,
      @Parameter(description = "csv for CSV whatever the Accept header says.",
          schema = @Schema(type = SchemaType.STRING, enumeration = "csv")) @QueryParam("format") String format,
      @Parameter(hidden = true) @HeaderParam("Accept") String accept) {
    Caller caller = Callers.from(context);
    LocalDate start = date("from", from), end = date("to", to);
    if ("csv".equals(format) || (accept != null && accept.contains("text/csv")))
      return Response.ok(api.account().usageCsv(caller, start, end), "text/csv; charset=utf-8").build();
    return Replies.get(request, api.account().usage(caller, start, end));
  }

  @GET
  @Path("audit")
  @Operation(operationId = "listAudit", summary = "The audit trail",
      description = "Who did what, newest first; denials included.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = PageBodies.AuditPage.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  public Response audit(
      @Parameter(description = "From this instant, e.g. 2026-03-01T00:00:00Z.") @QueryParam("from") String from,
      @Parameter(description = "Up to this instant (excluded).") @QueryParam("to") String to,
      @Parameter(ref = ApiDoc.CURSOR) @QueryParam("cursor") String cursor,
      @Parameter(ref = ApiDoc.LIMIT) @QueryParam("limit") Integer limit) {
    Caller caller = Callers.from(context);
    AuditQuery query;
    try {
      query = new AuditQuery(instant("from", from), instant("to", to), Pages.of(limit, cursor));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("from", e.getMessage());
    }
    return Replies.get(request, PageBodies.AuditPage.of(api.account().audit(caller, query)));
  }

  @GET
  @Path("api-keys")
  @Operation(operationId = "listApiKeys", summary = "List the tenant's API keys",
      description = "Never a key or its hash.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeyView.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  public Response keys() {
    List<ApiKeyView> keys = api.account().keys(Callers.from(context)).stream().map(ApiKeyView::of).toList();
    return Replies.get(request, keys);
  }

  @POST
  @Path("api-keys")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "issueApiKey", summary = "Issue an API key",
      description = "The secret key is in this answer only.")
  @RequestBody(required = true,
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = NewKey.class)))
  @APIResponse(responseCode = "201", description = ApiDoc.CREATED_REPLAYED, headers = @Header(ref = ApiDoc.REPLAYED),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = IssuedKeyView.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "413", ref = ApiDoc.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
  public Response issue(@Parameter(ref = ApiDoc.IDEMPOTENCY_KEY) @HeaderParam(Replies.IDEMPOTENCY_KEY) String key,
      @Parameter(hidden = true) byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /api-keys", body, 201,
        () -> IssuedKeyView.of(api.account().issueKey(caller, Bodies.read(body, NewKey.class).name())));
  }

  @DELETE
  @Path("api-keys/{keyId}")
  @Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
  @APIResponse(responseCode = "204", ref = ApiDoc.NO_CONTENT)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response revoke(@Parameter(description = "The key's id (keyId in the list).") @PathParam("keyId")
      String keyId) {
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
