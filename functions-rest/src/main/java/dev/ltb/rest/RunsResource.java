package dev.ltb.rest;

import dev.ltb.api.ApiException;
import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
import dev.ltb.api.ProblemType;
import dev.ltb.api.ReportFormat;
import dev.ltb.api.ResultFilter;
import dev.ltb.api.StartRun;
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

/** {@code /runs}: start, list, get, cancel, delete; a run's results, summary and report. */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

  @Inject ApiServices api;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@HeaderParam(Replies.IDEMPOTENCY_KEY) String key, byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /runs", body, 201,
        () -> api.runs().start(caller, Bodies.read(body, StartRun.class)));
  }

  @GET
  public Response list(
      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit, @QueryParam("status") String status) {
    Caller caller = Callers.from(context);
    return Replies.get(request, api.runs().list(caller, status(status), Pages.of(limit, cursor)));
  }

  @GET
  @Path("/{runId}")
  public Response get(@PathParam("runId") String runId) {
    return Replies.get(request, api.runs().get(Callers.from(context), runId));
  }

  @DELETE
  @Path("/{runId}")
  public Response delete(@PathParam("runId") String runId) {
    api.runs().delete(Callers.from(context), runId);
    return Response.noContent().build();
  }

  @POST
  @Path("/{runId}/cancel")
  public Response cancel(@PathParam("runId") String runId) {
    return Response.ok(Replies.json(api.runs().cancel(Callers.from(context), runId)), MediaType.APPLICATION_JSON)
        .build();
  }

  @GET
  @Path("/{runId}/results")
  public Response results(
      @PathParam("runId") String runId, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
      @QueryParam("provider") String provider, @QueryParam("pass") Boolean pass, @QueryParam("error") Boolean error) {
    Caller caller = Callers.from(context);
    return Replies.get(request,
        api.results().results(caller, runId, new ResultFilter(provider, pass, error), Pages.of(limit, cursor)));
  }

  @GET
  @Path("/{runId}/summary")
  public Response summary(@PathParam("runId") String runId) {
    return Replies.get(request, api.results().summary(Callers.from(context), runId));
  }

  /** JSON or HTML by the Accept header (JSON when the client accepts both). */
  @GET
  @Path("/{runId}/report")
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  public Response report(@PathParam("runId") String runId, @Context HttpHeaders headers) {
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
