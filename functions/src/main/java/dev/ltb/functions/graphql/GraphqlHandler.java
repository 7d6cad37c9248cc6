package dev.ltb.functions.graphql;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ltb.audit.RequestContext;
import dev.ltb.aws.tenant.TenantScope;
import dev.ltb.functions.graphql.errors.BadRequest;
import dev.ltb.functions.graphql.errors.GraphqlException;
import dev.ltb.json.Json;
import dev.ltb.tenancy.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * {@code graphql}: the AppSync direct Lambda resolver of every Query and Mutation field (and {@code Run.summary}
 * in batches). Each call runs in its caller's {@link TenantScope}, so tenant data is signed with that tenant's
 * session of the tenant data role when one is configured. Dispatches on {@code info.parentTypeName} + {@code info.fieldName} through the {@link
 * ResolverRegistry}; the caller comes from the event's {@code identity} ({@link AppSyncIdentity}).
 *
 * <ul>
 *   <li>One event (an object): the answer is the field's value; an error is thrown, so AppSync reports its
 *       message and type ({@link GraphqlException}).
 *   <li>{@code BatchInvoke} (an array of events for one field): the answer is a list in the same order; an error
 *       fails the whole batch.
 * </ul>
 */
@Named("graphql")
@Singleton
public class GraphqlHandler implements RequestStreamHandler {

  private static final ObjectMapper JSON = Json.mapper();
  private static final ObjectReader EVENT = JSON.readerFor(AppSyncEvent.class);
  private final ObjectWriter writer = JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final ResolverRegistry registry;
  private final AppSyncIdentity identity;

  @Inject
  public GraphqlHandler(ResolverRegistry registry, AppSyncIdentity identity) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.identity = Objects.requireNonNull(identity, "identity");
  }

  public ResolverRegistry registry() {
    return registry;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode tree = JSON.readTree(input);
    String requestId = context != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
    Object answer = tree.isArray() ? batch(tree, requestId) : single(EVENT.readValue(tree), requestId);
    writer.writeValue(output, answer);
    output.flush();
  }

  /** Resolves one event; throws the client-facing error. */
  public Object single(AppSyncEvent event, String requestId) {
    FieldRef field = field(event);
    try {
      ResolverCall call = call(field, event);
      try (var tenant = TenantScope.bind(call.principal().tenantId())) {
        Resolver resolver = registry.resolver(field).orElse(null);
        if (resolver == null)
          return registry.batchResolver(field).orElseThrow(() -> unknown(field)).resolve(List.of(call)).get(0);
        return resolver.resolve(call);
      }
    } catch (RuntimeException e) {
      throw GraphqlErrors.map(e, field, requestId);
    }
  }

  /** Resolves a batch for one field; the list has one answer per event, in order. */
  public List<?> batch(JsonNode events, String requestId) throws IOException {
    List<AppSyncEvent> batch = new ArrayList<>(events.size());
    for (JsonNode event : events) batch.add(EVENT.readValue(event));
    if (batch.isEmpty()) return List.of();
    FieldRef field = field(batch.get(0));
    try {
      List<ResolverCall> calls = new ArrayList<>(batch.size());
      for (AppSyncEvent event : batch) {
        if (!field.equals(field(event))) throw new BadRequest("a batch mixes " + field + " and " + field(event));
        calls.add(call(field, event));
      }
      TenantId tenant = calls.get(0).principal().tenantId();
      // AppSync batches the calls of one request, so one caller; tenant data is signed for that one tenant only.
      if (calls.stream().anyMatch(call -> !call.principal().tenantId().equals(tenant)))
        throw new BadRequest("a batch mixes callers of different tenants");
      List<?> answers;
      try (var bound = TenantScope.bind(tenant)) {
        answers = registry.batchResolver(field).orElseThrow(() -> unknown(field)).resolve(calls);
      }
      if (answers.size() != calls.size())
        throw new IllegalStateException(field + " answered " + answers.size() + " of " + calls.size() + " calls");
      return answers;
    } catch (RuntimeException e) {
      throw GraphqlErrors.map(e, field, requestId);
    }
  }

  private ResolverCall call(FieldRef field, AppSyncEvent event) {
    return new ResolverCall(
        field, identity.principal(event.identity()), event.arguments(), event.source(), requestContext(event));
  }

  private static FieldRef field(AppSyncEvent event) {
    if (event.info() == null || event.info().parentTypeName() == null || event.info().fieldName() == null)
      throw new BadRequest("not an AppSync resolver event: info.parentTypeName and info.fieldName are required");
    return new FieldRef(event.info().parentTypeName(), event.info().fieldName());
  }

  private static BadRequest unknown(FieldRef field) {
    return new BadRequest("no resolver for " + field);
  }

  /** Source address (AppSync's identity.sourceIp, else the first X-Forwarded-For hop) and user agent. */
  static RequestContext requestContext(AppSyncEvent event) {
    String ip = null;
    JsonNode sourceIp = event.identity().path("sourceIp");
    if (sourceIp.isArray() && !sourceIp.isEmpty()) ip = sourceIp.get(0).asText();
    var headers = event.request() == null ? java.util.Map.<String, String>of() : event.request().headers();
    if (ip == null && headers.get("x-forwarded-for") != null) ip = headers.get("x-forwarded-for").split(",")[0].trim();
    return new RequestContext(ip, headers.get("user-agent"));
  }
}
