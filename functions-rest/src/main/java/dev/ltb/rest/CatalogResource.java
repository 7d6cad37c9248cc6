package dev.ltb.rest;

import dev.ltb.analysis.RunComparison;
import dev.ltb.security.ProviderCredentialStore;
import dev.ltb.provider.ProviderDescriptor;
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
 * {@code /providers} (the catalogue), {@code /credentials} (write-only provider credentials), {@code /compare} and
 * {@code /health}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

  /** What {@code /health} answers. */
  public record Health(@Schema(enumeration = "ok") String status) {}

  public record CredentialValue(String value) {}

  @Inject ApiServices api;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  private static final String CREDENTIAL =
      "The credential's name, an environment variable name such as OPENAI_API_KEY.";

  @GET
  @Path("providers")
  @Tag(name = "Providers")
  @Operation(operationId = "listProviders", summary = "The provider catalogue",
      description = "Every provider prefix, its id format and config keys.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderDescriptor.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  public Response providers() {
    return Replies.get(request, api.credentials().providers(Callers.from(context)));
  }

  /** Names and dates of the credentials that are set; never a value. */
  @GET
  @Path("credentials")
  @Tag(name = "Providers")
  @Operation(operationId = "listCredentials", summary = "List provider credentials",
      description = "Names and dates of those that are set; never a value.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderCredentialStore.Info.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  public Response credentials() {
    return Replies.get(request, api.credentials().credentials(Callers.from(context)));
  }

  @PUT
  @Path("credentials/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Tag(name = "Providers")
  @Operation(operationId = "putCredential", summary = "Set a provider credential",
      description = "Write-only: listed by name and date, never read back.")
  @RequestBody(required = true,
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = CredentialValue.class)))
  @APIResponse(responseCode = "204", ref = ApiDoc.NO_CONTENT)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "413", ref = ApiDoc.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.UNSUPPORTED_MEDIA_TYPE)
  public Response putCredential(@Parameter(description = CREDENTIAL) @PathParam("name") String name,
      @Parameter(hidden = true) byte[] body) {
    Caller caller = Callers.from(context);
    api.credentials().put(caller, name, Bodies.read(body, CredentialValue.class).value());
    return Response.noContent().build();
  }

  @DELETE
  @Path("credentials/{name}")
  @Tag(name = "Providers")
  @Operation(operationId = "deleteCredential", summary = "Delete a provider credential")
  @APIResponse(responseCode = "204", ref = ApiDoc.NO_CONTENT)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response deleteCredential(@Parameter(description = CREDENTIAL) @PathParam("name") String name) {
    api.credentials().delete(Callers.from(context), name);
    return Response.noContent().build();
  }

  @GET
  @Path("compare")
  @Tag(name = "Runs")
  @Operation(operationId = "compareRuns", summary = "Compare two runs",
      description = "Per-provider deltas of pass rate and score, with paired significance tests.")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = RunComparison.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response compare(
      @Parameter(description = "The earlier run's id.", required = true) @QueryParam("base") String base,
      @Parameter(description = "The later run's id.", required = true) @QueryParam("candidate") String candidate) {
    return Replies.get(request, api.results().compare(Callers.from(context), base, candidate));
  }

  /** Public (no authorizer): the app is up and wired. */
  @GET
  @Path("health")
  @Tag(name = "Health")
  @Operation(operationId = "health", summary = "Liveness", description = "No authentication.")
  @APIResponse(responseCode = "200", description = "The app is up.",
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = Health.class)))
  public Response health() {
    return Response.ok(Replies.json(new Health("ok")), MediaType.APPLICATION_JSON).build();
  }
}
