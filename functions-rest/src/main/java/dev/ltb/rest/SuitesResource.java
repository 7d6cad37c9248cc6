package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** {@code /suites}: create, add a version, list, get (latest or a version), delete. */
@Path("/suites")
@Produces(MediaType.APPLICATION_JSON)
public class SuitesResource {

  @Inject ApiServices api;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@HeaderParam(Replies.IDEMPOTENCY_KEY) String key, byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /suites", body, 201,
        () -> api.suites().create(caller, Bodies.read(body, SuiteService.SuiteText.class)));
  }

  @GET
  public Response list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
    return Replies.get(request, api.suites().list(Callers.from(context), Pages.of(limit, cursor)));
  }

  @GET
  @Path("/{suiteId}")
  public Response get(@PathParam("suiteId") String suiteId, @QueryParam("version") Integer version) {
    return Replies.get(request, api.suites().get(Callers.from(context), suiteId, version));
  }

  @POST
  @Path("/{suiteId}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addVersion(
      @PathParam("suiteId") String suiteId, @HeaderParam(Replies.IDEMPOTENCY_KEY) String key, byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /suites/" + suiteId + "/versions", body, 201,
        () -> api.suites().addVersion(caller, suiteId, Bodies.read(body, SuiteService.SuiteText.class)));
  }

  @GET
  @Path("/{suiteId}/versions/{version}")
  public Response version(@PathParam("suiteId") String suiteId, @PathParam("version") int version) {
    return Replies.get(request, api.suites().get(Callers.from(context), suiteId, version));
  }

  @DELETE
  @Path("/{suiteId}")
  public Response delete(@PathParam("suiteId") String suiteId) {
    api.suites().delete(Callers.from(context), suiteId);
    return Response.noContent().build();
  }
}
