package dev.ltb.functions.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.engine.RetrySettings;
import dev.ltb.evaluator.EvaluatorInventory;
import dev.ltb.provider.ProviderContext;
import java.time.Clock;
import dev.ltb.json.Json;
import dev.ltb.run.LocalRunner;
import dev.ltb.run.RunEngine;
import dev.ltb.run.RunListener;
import dev.ltb.run.RunRecord;
import dev.ltb.suite.Suite;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.ApiTestPorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The graphql handler over the API's use cases on in-memory ports ({@link ApiTestPorts}), invoked with event
 * bytes as Lambda invokes it. Events are built from AppSync's documented direct Lambda resolver event
 * ({@code events/appsync/event-template.json}: arguments, identity, source, request headers, info, prev, stash).
 */
final class GraphqlFixture {

  static final TenantId ACME = ApiTestPorts.ACME;
  static final TenantId BETA = ApiTestPorts.BETA;

  final ApiTestPorts ports = new ApiTestPorts();
  final GraphqlHandler handler = new GraphqlHandler(Resolvers.registry(ports.services), AppSyncIdentity.defaults());

  /** The fields the handler resolves, as {@code Type.field}. */
  static Set<String> registryFields() {
    Set<String> fields = new TreeSet<>();
    new GraphqlFixture().handler.registry().fields().forEach(f -> fields.add(f.toString()));
    return fields;
  }

  /** A finished run of the echo suite in {@code tenant}'s history: results and summary, as the pipeline leaves them. */
  RunRecord completedRun(TenantId tenant, int tests) {
    RunEngine engine =
        new RunEngine(ports.providers, ProviderContext.defaults(Path.of(".")), new AssertionRunner(ports.evaluators)::run,
            suite -> EvaluatorInventory.of(suite, ports.evaluators), RetrySettings.DEFAULT, Clock.systemUTC());
    Suite suite = ports.loader.parse(ApiTestPorts.echoSuite(tests), "capitals.yaml", Path.of("."));
    return new LocalRunner(ports.history(tenant), engine).run(suite, RunListener.NONE, () -> false);
  }

  // --- identities, in AppSync's shapes

  static ObjectNode user(TenantId tenant, String role) {
    ObjectNode identity = fixture("identity-cognito.json");
    ObjectNode claims = (ObjectNode) identity.get("claims");
    claims.put("custom:tenant", tenant.value());
    claims.putArray("cognito:groups").add(role);
    identity.putArray("groups").add(role);
    return identity;
  }

  static ObjectNode apiKey(TenantId tenant) {
    ObjectNode identity = fixture("identity-lambda.json");
    ((ObjectNode) identity.get("resolverContext")).put("tenantId", tenant.value());
    return identity;
  }

  // --- events

  /** A Query/Mutation (or nested) field event with these arguments, source and identity. */
  static ObjectNode event(String type, String field, Object arguments, Object source, JsonNode identity) {
    ObjectNode event = fixture("event-template.json");
    event.set("arguments", Json.mapper().valueToTree(arguments == null ? Map.of() : arguments));
    event.set("source", source == null ? null : Json.mapper().valueToTree(source));
    event.set("identity", identity);
    ObjectNode info = (ObjectNode) event.get("info");
    info.put("parentTypeName", type);
    info.put("fieldName", field);
    return event;
  }

  /** Invokes the handler with one event; answers the JSON it wrote. */
  JsonNode invoke(JsonNode event) {
    return parse(invokeRaw(event));
  }

  /** Invokes with a batch (a JSON array of events). */
  JsonNode invokeBatch(ArrayNode events) {
    return parse(invokeRaw(events));
  }

  String invokeRaw(JsonNode event) {
    try {
      return invokeBytes(Json.mapper().writeValueAsBytes(event));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Event bytes in, answer text out, as the Lambda runtime calls the handler. */
  String invokeBytes(byte[] event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode fixture(String name) {
    try (InputStream in = GraphqlFixture.class.getResourceAsStream("/events/appsync/" + name)) {
      if (in == null) throw new IllegalStateException("missing fixture " + name);
      return (ObjectNode) Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
