package dev.ltb.rest;

import dev.ltb.api.ApiException;
import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
import dev.ltb.api.ProblemType;
import dev.ltb.api.ReportFormat;
import dev.ltb.api.ResultFilter;
import dev.ltb.api.RunView;
import dev.ltb.api.StartRun;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.run.RunStatus;
import dev.ltb.tenancy.PageRequest;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /runs}: start, list, get, cancel, delete; a run's results, summary and report. */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunsResource {

  @Inject ApiServices api;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  private static final String RUN_ID = "The run's id, e.g. run-m8x2k1-3f9a0c21b7de.";

  @POST
  @Consumes({MediaType.APPLICATION_JSON, SuiteBodies.YAML, SuiteBodies.X_YAML, SuiteBodies.TEXT_YAML})
  @Operation(operationId = "startRun", summary = "Start a run",
      description = "From a stored suite (suiteId, optionally suiteVersion) or an inline suite text in YAML or JSON "
          + "(suite, format), never both; or send the YAML suite file itself. The suite is validated and the plan's "
          + "quota checked before anything runs.")
  @RequestBody(required = true, content = {
      @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = StartRun.class)),
      @Content(mediaType = ApiDoc.YAML, schema = @Schema(type = SchemaType.STRING,
          description = "The suite file itself, as ltb run reads it."))})
  @APIResponse(responseCode = "201", description = ApiDoc.CREATED_REPLAYED,
      headers = {@Header(ref = ApiDoc.REPLAYED), @Header(ref = ApiDoc.LOCATION)},
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = RunView.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "413", ref = ApiDoc.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
  @APIResponse(responseCode = "429", ref = ApiDoc.QUOTA_EXCEEDED)
  public Response start(@Parameter(ref = ApiDoc.IDEMPOTENCY_KEY) @HeaderParam(Replies.IDEMPOTENCY_KEY) String key,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @Parameter(hidden = true) byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /runs", body, 201,
        () -> api.runs().start(caller, SuiteBodies.startRun(body, contentType)),
        new Replies.Location("runs", "/runId"));
  }

  @GET
  @Operation(operationId = "listRuns", summary = "List runs",
      description = "Newest first, over every run of the tenant; pass nextCursor to get the next page.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = PageBodies.RunPage.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  public Response list(
      @Parameter(ref = ApiDoc.CURSOR) @QueryParam("cursor") String cursor,
      @Parameter(ref = ApiDoc.LIMIT) @QueryParam("limit") Integer limit,
      @Parameter(description = "Only runs in this state (case-insensitive).", schema = @Schema(type = SchemaType.STRING,
          enumeration = {"queued", "running", "completed", "partial", "failed", "cancelled"}))
      @QueryParam("status") String status) {
    Caller caller = Callers.from(context);
    return Replies.get(request,
        PageBodies.RunPage.of(api.runs().list(caller, status(status), Pages.of(limit, cursor))));
  }

  @GET
  @Path("/{runId}")
  @Operation(operationId = "getRun", summary = "Get a run",
      description = "Its state and totals; the summary and results have their own calls.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = RunView.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response get(@Parameter(description = RUN_ID) @PathParam("runId") String runId) {
    return Replies.get(request, api.runs().get(Callers.from(context), runId));
  }

  @DELETE
  @Path("/{runId}")
  @Operation(operationId = "deleteRun", summary = "Delete an ended run",
      description = "With its results, summary and report.")
  @APIResponse(responseCode = "204", ref = ApiDoc.NO_CONTENT)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
  public Response delete(@Parameter(description = RUN_ID) @PathParam("runId") String runId) {
    api.runs().delete(Callers.from(context), runId);
    return Response.noContent().build();
  }

  @POST
  @Path("/{runId}/cancel")
  @Operation(operationId = "cancelRun", summary = "Cancel a run",
      description = "Stops a queued or running run; an ended run is answered as is.")
  @APIResponse(responseCode = "200", description = "The run after the cancellation.",
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = RunView.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response cancel(@Parameter(description = RUN_ID) @PathParam("runId") String runId) {
    return Response.ok(Replies.json(api.runs().cancel(Callers.from(context), runId)), MediaType.APPLICATION_JSON)
        .build();
  }

  @GET
  @Path("/{runId}/results")
  @Operation(operationId = "listResults", summary = "List a run's results",
      description = "One per work item, in item order, as they arrive.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = PageBodies.ResultPage.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response results(
      @Parameter(description = RUN_ID) @PathParam("runId") String runId,
      @Parameter(ref = ApiDoc.CURSOR) @QueryParam("cursor") String cursor,
      @Parameter(ref = ApiDoc.LIMIT) @QueryParam("limit") Integer limit,
      @Parameter(description = "Only results of this provider id or label.") @QueryParam("provider") String provider,
      @Parameter(description = "true: only passed items; false: only failed ones.") @QueryParam("pass") Boolean pass,
      @Parameter(description = "true: only items that ended in an error; false: only those that did not.")
      @QueryParam("error") Boolean error) {
    Caller caller = Callers.from(context);
    return Replies.get(request, PageBodies.ResultPage.of(
        api.results().results(caller, runId, new ResultFilter(provider, pass, error), Pages.of(limit, cursor))));
  }

  @GET
  @Path("/{runId}/summary")
  @Operation(operationId = "getSummary", summary = "Get a run's summary",
      description = "Pass rates, scores, latency, tokens and cost per provider and prompt; 409 summary-not-ready "
          + "until the run is aggregated.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = RunSummary.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
  public Response summary(@Parameter(description = RUN_ID) @PathParam("runId") String runId) {
    return Replies.get(request, api.results().summary(Callers.from(context), runId));
  }

  /** JSON or HTML by the Accept header (JSON when the client accepts both). */
  @GET
  @Path("/{runId}/report")
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  @Operation(operationId = "getReport", summary = "Get a run's report",
      description = "Streamed; JSON or HTML by the Accept header.")
  @APIResponse(responseCode = "200", description = "The report.", content = {
      @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = JsonReportShape.class)),
      @Content(mediaType = ApiDoc.HTML, schema = @Schema(type = SchemaType.STRING,
          description = "A self-contained HTML page."))})
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "406", ref = ApiDoc.NOT_ACCEPTABLE)
  @APIResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
  public Response report(@Parameter(description = RUN_ID) @PathParam("runId") String runId,
      @Context HttpHeaders headers) {
    Caller caller = Callers.from(context);
    ReportFormat format = format(headers);
    api.results().summary(caller, runId); // 404 / 409 before any byte is written
    StreamingOutput body = out -> api.results().report(caller, runId, format, out);
    return Response.ok(body, format.mediaType()).build();
  }

  private static ReportFormat format(HttpHeaders headers) {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) return ReportFormat.JSON;
      if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) return ReportFormat.HTML;
    }
    throw new ApiException(ProblemType.NOT_ACCEPTABLE, "the report is served as application/json or text/html");
  }

  private static RunStatus status(String status) {
    if (status == null) return null;
    try {
      return RunStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField("status", "must be one of queued, running, completed, partial, failed, cancelled");
    }
  }
}
