package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
import dev.ltb.api.DatasetService;
import dev.ltb.api.Idempotency;
import dev.ltb.dataset.DatasetVersion;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /datasets}: a tenant's datasets of test cases. {@code POST} a version's name, format, sha256 and size,
 * {@code PUT} the file to the presigned URL the answer carries, then validate it; suites use it as {@code tests:
 * dataset://<name>} (newest ready version, pinned when the run is planned) or {@code dataset://<name>@sha256:<hex>}.
 */
@Path("/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
public class DatasetsResource {

  @Inject ApiServices api;
  @Inject DatasetService datasets;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  private static final String NAME = "The dataset's kebab-case name, e.g. capital-cities.";
  private static final String SHA256 = "The file's SHA-256, 64 hex digits.";

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "registerDataset", summary = "Register a dataset version",
      description = "From its name, format (csv, jsonl, json or yaml), sha256 and sizeBytes; the answer says where "
          + "to PUT the file (a presigned URL) and what a suite writes to use it.")
  @RequestBody(required = true,
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = DatasetService.NewDataset.class)))
  @APIResponse(responseCode = "201", description = ApiDoc.CREATED_REPLAYED, headers = @Header(ref = ApiDoc.REPLAYED),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = DatasetService.DatasetUpload.class)))
  @APIResponse(responseCode = "200", description = "That version is already ready: nothing to upload.",
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = DatasetService.DatasetUpload.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
  @APIResponse(responseCode = "413", ref = ApiDoc.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
  public Response register(@Parameter(ref = ApiDoc.IDEMPOTENCY_KEY) @HeaderParam(Replies.IDEMPOTENCY_KEY) String key,
      @Parameter(hidden = true) byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /datasets", body, () -> {
      DatasetService.DatasetUpload registered =
          datasets.register(caller, Bodies.read(body, DatasetService.NewDataset.class));
      return new Idempotency.Answer(registered.created() ? 201 : 200, Replies.json(registered));
    });
  }

  @GET
  @Operation(operationId = "listDatasets", summary = "List datasets",
      description = "Each with its number of versions and its newest.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = PageBodies.DatasetPage.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  public Response list(@Parameter(ref = ApiDoc.CURSOR) @QueryParam("cursor") String cursor,
      @Parameter(ref = ApiDoc.LIMIT) @QueryParam("limit") Integer limit) {
    return Replies.get(request, PageBodies.DatasetPage.of(datasets.list(Callers.from(context), Pages.of(limit, cursor))));
  }

  @GET
  @Path("/{name}")
  @Operation(operationId = "getDataset", summary = "Get a dataset with all its versions")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = DatasetService.DatasetDetails.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response get(@Parameter(description = NAME) @PathParam("name") String name) {
    return Replies.get(request, datasets.get(Callers.from(context), name));
  }

  @DELETE
  @Path("/{name}")
  @Operation(operationId = "deleteDataset", summary = "Delete a dataset and all its versions")
  @APIResponse(responseCode = "204", ref = ApiDoc.NO_CONTENT)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response delete(@Parameter(description = NAME) @PathParam("name") String name) {
    datasets.delete(Callers.from(context), name);
    return Response.noContent().build();
  }

  @GET
  @Path("/{name}/versions/{sha256}")
  @Operation(operationId = "getDatasetVersion", summary = "Get a dataset version")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = DatasetVersion.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response version(@Parameter(description = NAME) @PathParam("name") String name,
      @Parameter(description = SHA256) @PathParam("sha256") String sha256) {
    return Replies.get(request, datasets.version(Callers.from(context), name, sha256));
  }

  @POST
  @Path("/{name}/versions/{sha256}/validate")
  @Operation(operationId = "validateDataset", summary = "Validate an uploaded file",
      description = "Checks size, hash and every row: the answer is the version, ready with its rows or invalid "
          + "with the first problem and its line.")
  @APIResponse(responseCode = "200", description = "The version after the check.",
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = DatasetVersion.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response validate(@Parameter(description = NAME) @PathParam("name") String name,
      @Parameter(description = SHA256) @PathParam("sha256") String sha256) {
    return Response.ok(Replies.json(datasets.validate(Callers.from(context), name, sha256)), MediaType.APPLICATION_JSON)
        .build();
  }

  @DELETE
  @Path("/{name}/versions/{sha256}")
  @Operation(operationId = "deleteDatasetVersion", summary = "Delete a dataset version")
  @APIResponse(responseCode = "204", ref = ApiDoc.NO_CONTENT)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response deleteVersion(@Parameter(description = NAME) @PathParam("name") String name,
      @Parameter(description = SHA256) @PathParam("sha256") String sha256) {
    datasets.deleteVersion(Callers.from(context), name, sha256);
    return Response.noContent().build();
  }
}
