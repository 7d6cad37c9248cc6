package dev.ltb.rest;

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

/** {@code /webhooks}: outbound webhooks, CRUD and a test delivery. */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  @Inject ApiServices api;
  @Context AwsProxyRequestContext context;
  @Context Request request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@HeaderParam(Replies.IDEMPOTENCY_KEY) String key, byte[] body) {
    Caller caller = Callers.from(context);
    return Replies.post(api.idempotency(), caller, key, "POST /webhooks", body, 201,
        () -> api.webhooks().create(caller, Bodies.read(body, WebhookService.WebhookSettings.class)));
  }

  @GET
  public Response list() {
    return Replies.get(request, api.webhooks().list(Callers.from(context)));
  }

  @GET
  @Path("/{webhookId}")
  public Response get(@PathParam("webhookId") String webhookId) {
    return Replies.get(request, api.webhooks().get(Callers.from(context), webhookId));
  }

  @PUT
  @Path("/{webhookId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("webhookId") String webhookId, byte[] body) {
    Caller caller = Callers.from(context);
    return Response.ok(Replies.json(api.webhooks().update(caller, webhookId,
        Bodies.read(body, WebhookService.WebhookSettings.class))), MediaType.APPLICATION_JSON).build();
  }

  @DELETE
  @Path("/{webhookId}")
  public Response delete(@PathParam("webhookId") String webhookId) {
    api.webhooks().delete(Callers.from(context), webhookId);
    return Response.noContent().build();
  }

  @POST
  @Path("/{webhookId}/test")
  public Response test(@PathParam("webhookId") String webhookId) {
    return Response.ok(Replies.json(api.webhooks().test(Callers.from(context), webhookId)),
        MediaType.APPLICATION_JSON).build();
  }
}
