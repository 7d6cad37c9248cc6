package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
import dev.ltb.api.StoredSuite;
import dev.ltb.api.SuiteService;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /suites}: create, add a version, list, get (latest or a version), delete. A suite arrives as JSON
 * ({@code {"name", "format", "text"}}) or as the YAML file itself ({@code Content-Type: application/yaml}).
 */
@Path("/suites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Suites")
public class SuitesResource {

  private static final String SUITE_ID = "The suite's id, e.g. suite-0123456789abcdef.";
  private static final String NAME = "The suite's name when the body is YAML (default: its description); a JSON body "
      + "carries name itself.";

  @Inject ApiServices api;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  @POST
  @Consumes({MediaType.APPLICATION_JSON, SuiteBodies.YAML, SuiteBodies.X_YAML, SuiteBodies.TEXT_YAML})
  @Operation(operationId = "createSuite", summary = "Store a suite",
      description = "Validated like ltb validate (a bad suite is a 422 naming file, line and field; nothing is "
          + "stored); it becomes version 1 of a new suite.")
  @RequestBody(required = true, content = {
      @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = SuiteService.SuiteText.class)),
      @Content(mediaType = ApiDoc.YAML, schema = @Schema(type = SchemaType.STRING,
          description = "The suite file itself, as ltb run reads it."))})
  @APIResponse(responseCode = "201", description = ApiDoc.CREATED_REPLAYED,
      headers = {@Header(ref = ApiDoc.REPLAYED), @Header(ref = ApiDoc.LOCATION)},
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = StoredSuite.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
  @APIResponse(responseCode = "413", ref = ApiDoc.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
  public Response create(@Parameter(ref = ApiDoc.IDEMPOTENCY_KEY) @HeaderParam(Replies.IDEMPOTENCY_KEY) String key,
      @Parameter(description = NAME) @QueryParam("name") String name,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @Parameter(hidden = true) byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /suites", body, 201,
        () -> api.suites().create(caller, SuiteBodies.read(body, contentType, name)),
        new Replies.Location("suites", "/suiteId"));
  }

  @GET
  @Operation(operationId = "listSuites", summary = "List suites",
      description = "The latest version of each, without its text.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = PageBodies.SuitePage.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  public Response list(@Parameter(ref = ApiDoc.CURSOR) @QueryParam("cursor") String cursor,
      @Parameter(ref = ApiDoc.LIMIT) @QueryParam("limit") Integer limit) {
    return Replies.get(request,
        PageBodies.SuitePage.of(api.suites().list(Callers.from(context), Pages.of(limit, cursor))));
  }

  @GET
  @Path("/{suiteId}")
  @Operation(operationId = "getSuite", summary = "Get a suite",
      description = "The latest version, or the one named by version; with its text.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = StoredSuite.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response get(@Parameter(description = SUITE_ID) @PathParam("suiteId") String suiteId,
      @Parameter(description = "A version (1, 2, ...); the latest when absent.") @QueryParam("version")
      Integer version) {
    return Replies.get(request, api.suites().get(Callers.from(context), suiteId, version));
  }

  @POST
  @Path("/{suiteId}/versions")
  @Consumes({MediaType.APPLICATION_JSON, SuiteBodies.YAML, SuiteBodies.X_YAML, SuiteBodies.TEXT_YAML})
  @Operation(operationId = "addSuiteVersion", summary = "Add a version",
      description = "Validated like a new suite; keeps the latest version's name unless one is given.")
  @RequestBody(required = true, content = {
      @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = SuiteService.SuiteText.class)),
      @Content(mediaType = ApiDoc.YAML, schema = @Schema(type = SchemaType.STRING,
          description = "The suite file itself, as ltb run reads it."))})
  @APIResponse(responseCode = "201", description = ApiDoc.CREATED_REPLAYED,
      headers = {@Header(ref = ApiDoc.REPLAYED), @Header(ref = ApiDoc.LOCATION)},
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = StoredSuite.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
  @APIResponse(responseCode = "413", ref = ApiDoc.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
  public Response addVersion(@Parameter(description = SUITE_ID) @PathParam("suiteId") String suiteId,
      @Parameter(ref = ApiDoc.IDEMPOTENCY_KEY) @HeaderParam(Replies.IDEMPOTENCY_KEY) String key,
      @Parameter(description = NAME) @QueryParam("name") String name,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @Parameter(hidden = true) byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /suites/" + suiteId + "/versions", body, 201,
        () -> api.suites().addVersion(caller, suiteId, SuiteBodies.read(body, contentType, name)),
        new Replies.Location("versions", "/version"));
  }

  @GET
  @Path("/{suiteId}/versions/{version}")
  @Operation(operationId = "getSuiteVersion", summary = "Get a version of a suite")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = StoredSuite.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response version(@Parameter(description = SUITE_ID) @PathParam("suiteId") String suiteId,
      @Parameter(description = "1, 2, ...") @PathParam("version") int version) {
    return Replies.get(request, api.suites().get(Callers.from(context), suiteId, version));
  }

  @DELETE
  @Path("/{suiteId}")
  @Operation(operationId = "deleteSuite", summary = "Delete a suite",
      description = "All its versions; runs started from it keep their copy.")
  @APIResponse(responseCode = "204", ref = ApiDoc.NO_CONTENT)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response delete(@Parameter(description = SUITE_ID) @PathParam("suiteId") String suiteId) {
    api.suites().delete(Callers.from(context), suiteId);
    return Response.noContent().build();
  }
}
