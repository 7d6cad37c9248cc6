package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
import io.quarkus.amazon.lambda.http.model.AwsProxyRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code /providers} (the catalogue), {@code /credentials} (write-only provider credentials), {@code /compare} and
 * {@code /health}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

  public record CredentialValue(String value) {}

  @Inject ApiServices api;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  @GET
  @Path("providers")
  public Response providers() {
    return Replies.get(request, api.credentials().providers(Callers.from(context)));
  }

  /** Names and dates of the credentials that are set; never a value. */
  @GET
  @Path("credentials")
  public Response credentials() {
    return Replies.get(request, api.credentials().credentials(Callers.from(context)));
  }

  @PUT
  @Path("credentials/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response putCredential(@PathParam("name") String name, byte[] body) {
    Caller caller = Callers.from(context);
    api.credentials().put(caller, name, Bodies.read(body, CredentialValue.class).value());
    return Response.noContent().build();
  }

  @DELETE
  @Path("credentials/{name}")
  public Response deleteCredential(@PathParam("name") String name) {
    api.credentials().delete(Callers.from(context), name);
    return Response.noContent().build();
  }

  @GET
  @Path("compare")
  public Response compare(@QueryParam("base") String base, @QueryParam("candidate") String candidate) {
    return Replies.get(request, api.results().compare(Callers.from(context), base, candidate));
  }

  /** Public (no authorizer): the app is up and wired. */
  @GET
  @Path("health")
  public Response health() {
    return Response.ok(Replies.json(Map.of("status", "ok")), MediaType.APPLICATION_JSON).build();
  }
}
