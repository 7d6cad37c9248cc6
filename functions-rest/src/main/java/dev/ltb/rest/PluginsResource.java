package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
import dev.ltb.api.PluginService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * {@code /plugins}: a tenant's WASM plugins. {@code POST} a version's {@code plugin.json}, {@code PUT} its module to
 * the presigned URL the answer carries, then validate it; suites pin it by name and hash.
 */
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

  @Inject ApiServices api;
  @Inject PluginService plugins;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@HeaderParam(Replies.IDEMPOTENCY_KEY) String key, byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /plugins", body, 201,
        () -> plugins.register(caller, body == null ? null : new String(body, StandardCharsets.UTF_8)));
  }

  @GET
  public Response list() {
    return Replies.get(request, plugins.list(Callers.from(context)));
  }

  @POST
  @Path("/{name}/{sha256}/validate")
  public Response validate(@PathParam("name") String name, @PathParam("sha256") String sha256) {
    return Response.ok(Replies.json(plugins.validate(Callers.from(context), name, sha256)), MediaType.APPLICATION_JSON)
        .build();
  }

  @DELETE
  @Path("/{name}/{sha256}")
  public Response delete(@PathParam("name") String name, @PathParam("sha256") String sha256) {
    plugins.delete(Callers.from(context), name, sha256);
    return Response.noContent().build();
  }
}
