package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
import dev.ltb.api.DatasetService;
import dev.ltb.api.Idempotency;
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

/**
 * {@code /datasets}: a tenant's datasets of test cases. {@code POST} a version's name, format, sha256 and size,
 * {@code PUT} the file to the presigned URL the answer carries, then validate it; suites use it as {@code tests:
 * dataset://<name>} (newest ready version, pinned when the run is planned) or {@code dataset://<name>@sha256:<hex>}.
 */
@Path("/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetsResource {

  @Inject ApiServices api;
  @Inject DatasetService datasets;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  /** 201 with the upload URL for a new version; 200 without one when that version is already ready. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@HeaderParam(Replies.IDEMPOTENCY_KEY) String key, byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /datasets", body, () -> {
      DatasetService.DatasetUpload registered =
          datasets.register(caller, Bodies.read(body, DatasetService.NewDataset.class));
      return new Idempotency.Answer(registered.created() ? 201 : 200, Replies.json(registered));
    });
  }

  @GET
  public Response list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
    return Replies.get(request, datasets.list(Callers.from(context), Pages.of(limit, cursor)));
  }

  @GET
  @Path("/{name}")
  public Response get(@PathParam("name") String name) {
    return Replies.get(request, datasets.get(Callers.from(context), name));
  }

  @DELETE
  @Path("/{name}")
  public Response delete(@PathParam("name") String name) {
    datasets.delete(Callers.from(context), name);
    return Response.noContent().build();
  }

  @GET
  @Path("/{name}/versions/{sha256}")
  public Response version(@PathParam("name") String name, @PathParam("sha256") String sha256) {
    return Replies.get(request, datasets.version(Callers.from(context), name, sha256));
  }

  /** Checks the uploaded file: the answer is the version, {@code ready} with its rows or {@code invalid} with why. */
  @POST
  @Path("/{name}/versions/{sha256}/validate")
  public Response validate(@PathParam("name") String name, @PathParam("sha256") String sha256) {
    return Response.ok(Replies.json(datasets.validate(Callers.from(context), name, sha256)), MediaType.APPLICATION_JSON)
        .build();
  }

  @DELETE
  @Path("/{name}/versions/{sha256}")
  public Response deleteVersion(@PathParam("name") String name, @PathParam("sha256") String sha256) {
    datasets.deleteVersion(Callers.from(context), name, sha256);
    return Response.noContent().build();
  }
}
