package dev.ltb.rest;

import dev.ltb.webhook.DeliveryAttempt;
import dev.ltb.webhook.WebhookSubscription;
import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
import dev.ltb.api.WebhookService;
import io.quarkus.amazon.lambda.http.model.AwsProxyRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** {@code /webhooks}: outbound webhooks, CRUD and a test delivery. */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhooksResource {

  @Inject ApiServices api;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  private static final String WEBHOOK_ID = "The webhook's id.";

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createWebhook", summary = "Create a webhook",
      description = "The answer carries the signing secret, shown only here.")
  @RequestBody(required = true,
      content = @Content(mediaType = ApiDoc.JSON,
          schema = @Schema(implementation = WebhookService.WebhookSettings.class)))
  @APIResponse(responseCode = "201", description = ApiDoc.CREATED_REPLAYED,
      headers = {@Header(ref = ApiDoc.REPLAYED), @Header(ref = ApiDoc.LOCATION)},
      content = @Content(mediaType = ApiDoc.JSON,
          schema = @Schema(implementation = WebhookService.CreatedWebhook.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "413", ref = ApiDoc.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
  public Response create(@Parameter(ref = ApiDoc.IDEMPOTENCY_KEY) @HeaderParam(Replies.IDEMPOTENCY_KEY) String key,
      @Parameter(hidden = true) byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /webhooks", body, 201,
        () -> api.webhooks().create(caller, Bodies.read(body, WebhookService.WebhookSettings.class)),
        new Replies.Location("webhooks", "/webhook/webhookId"));
  }

  @GET
  @Operation(operationId = "listWebhooks", summary = "List the tenant's webhooks")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookSubscription.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  public Response list() {
    return Replies.get(request, api.webhooks().list(Callers.from(context)));
  }

  @GET
  @Path("/{webhookId}")
  @Operation(operationId = "getWebhook", summary = "Get a webhook")
  @Parameter(ref = ApiDoc.IF_NONE_MATCH)
  @APIResponse(responseCode = "200", description = ApiDoc.ETAG_OK, headers = @Header(ref = ApiDoc.ETAG),
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = WebhookSubscription.class)))
  @APIResponse(responseCode = "304", ref = ApiDoc.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response get(@Parameter(description = WEBHOOK_ID) @PathParam("webhookId") String webhookId) {
    return Replies.get(request, api.webhooks().get(Callers.from(context), webhookId));
  }

  @PUT
  @Path("/{webhookId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateWebhook", summary = "Replace a webhook's settings",
      description = "The signing secret stays.")
  @RequestBody(required = true,
      content = @Content(mediaType = ApiDoc.JSON,
          schema = @Schema(implementation = WebhookService.WebhookSettings.class)))
  @APIResponse(responseCode = "200", description = "The webhook as stored.",
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = WebhookSubscription.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  @APIResponse(responseCode = "413", ref = ApiDoc.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDoc.UNSUPPORTED_MEDIA_TYPE)
  public Response update(@Parameter(description = WEBHOOK_ID) @PathParam("webhookId") String webhookId,
      @Parameter(hidden = true) byte[] body) {
    Caller caller = Callers.from(context);
    return Response.ok(Replies.json(api.webhooks().update(caller, webhookId,
        Bodies.read(body, WebhookService.WebhookSettings.class))), MediaType.APPLICATION_JSON).build();
  }

  @DELETE
  @Path("/{webhookId}")
  @Operation(operationId = "deleteWebhook", summary = "Delete a webhook")
  @APIResponse(responseCode = "204", ref = ApiDoc.NO_CONTENT)
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response delete(@Parameter(description = WEBHOOK_ID) @PathParam("webhookId") String webhookId) {
    api.webhooks().delete(Callers.from(context), webhookId);
    return Response.noContent().build();
  }

  @POST
  @Path("/{webhookId}/test")
  @Operation(operationId = "testWebhook", summary = "Send a test delivery",
      description = "A signed webhook.test event, delivered now; the answer says how it went.")
  @APIResponse(responseCode = "200", description = "The delivery attempt.",
      content = @Content(mediaType = ApiDoc.JSON, schema = @Schema(implementation = DeliveryAttempt.class)))
  @APIResponse(responseCode = "400", ref = ApiDoc.INVALID_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
  public Response test(@Parameter(description = WEBHOOK_ID) @PathParam("webhookId") String webhookId) {
    return Response.ok(Replies.json(api.webhooks().test(Callers.from(context), webhookId)),
        MediaType.APPLICATION_JSON).build();
  }
}
