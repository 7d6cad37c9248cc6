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
 * {@code /plugins}: a tenant's WASM plugins. {@code POST} a version's {@code plugin.json}, {@code PUT} its module to
 * the presigned URL the answer carries, then validate it; suites pin it by name and hash.
 */
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plugins")
public class PluginsResource {

  @Inject ApiServices api;
  @Inject PluginService plugins;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  private static final String NAME = "The plugin's kebab-case name, e.g. my-check.";
  private static final String SHA256 = "The module's SHA-256, 64 hex digits.";

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "registerPlugin", summary = "Register a plugin version",
      description = "From its plugin.json with sha256; the answer says where to PUT the module (a presigned "
          + "URL) and what a suite writes to use it.")
  @RequestBody(required = true, content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(type = SchemaType.OBJECT,
      description = "The plugin's plugin.json (docs/plugins.md), with sha256 set to the module's SHA-256.")))
  @APIResponse(responseCode = "201", description = ApiDoc.CREATED_REPLAYED, headers = @Header(ref = ApiDoc.REPLAYED),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = PluginService.PluginUpload.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "413", ref = ApiDoc.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
  public Response register(@Parameter(ref = ApiDoc.IDEMPOTENCY_KEY) @HeaderParam(Replies.IDEMPOTENCY_KEY) String key,
      @Parameter(hidden = true) byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /plugins", body, 201,
        () -> plugins.register(caller, body == null ? null : new String(body, StandardCharsets.UTF_8)));
  }

  @GET
  @Operation(operationId = "listPlugins", summary = "List the tenant's plugin versions")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = PluginService.PluginVersion.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  public Response list() {
    return Replies.get(request, plugins.list(Callers.from(context)));
  }

  @POST
  @Path("/{name}/{sha256}/validate")
  @Operation(operationId = "validatePlugin", summary = "Validate an uploaded module",
      description = "Loads it in the sandbox as a run would; valid is false with a problem when it cannot run.")
  @APIResponse(responseCode = "200", description = "The verdict.",
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = PluginService.PluginCheck.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response validate(@Parameter(description = NAME) @PathParam("name") String name,
      @Parameter(description = SHA256) @PathParam("sha256") String sha256) {
    return Response.ok(Replies.json(plugins.validate(Callers.from(context), name, sha256)), MediaType.APPLICATION_JSON)
        .build();
  }

  @DELETE
  @Path("/{name}/{sha256}")
  @Operation(operationId = "deletePlugin", summary = "Delete a plugin version")
  @APIResponse(responseCode = "204", ref = ApiDoc.NO_CONTENT)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response delete(@Parameter(description = NAME) @PathParam("name") String name,
      @Parameter(description = SHA256) @PathParam("sha256") String sha256) {
    plugins.delete(Callers.from(context), name, sha256);
    return Response.noContent().build();
  }
}
