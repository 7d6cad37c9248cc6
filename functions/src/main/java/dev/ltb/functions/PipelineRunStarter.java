package dev.ltb.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.RunStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starts a run the way the pipeline starts one today: the tenant's stored suite
 * ({@code tenants/<t>/suites/<suiteId>.yaml}) is copied for the run with the hook's vars added to
 * {@code defaultTest.vars} ({@code tenants/<t>/runs/<runId>/suite.yaml}), then the state machine's execution is
 * started, named by the run id, with {@code {tenantId, runId, suiteKey, source}}: the plan step validates the suite
 * and records the run. The run id derives from the tenant and the idempotency key, so a retried start names the
 * same execution and Step Functions starts it once.
 *
 * <p>Interim: the REST API's run service (issue 7) implements {@link RunStarter} with quota admission and audit for
 * {@code POST /runs}; when it lands the ingress uses it instead and this class goes.
 */
public final class PipelineRunStarter implements RunStarter {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunStarter.class);

  private final BlobStore blobs;
  private final SfnClient sfn;
  private final String stateMachineArn;

  public PipelineRunStarter(BlobStore blobs, SfnClient sfn, String stateMachineArn) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.sfn = Objects.requireNonNull(sfn, "sfn");
    this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
  }

  /** The suite a hook runs: {@code tenants/<t>/suites/<suiteId>.yaml}. */
  public static String suiteKey(TenantId tenant, String suiteId) {
    return "tenants/" + tenant.value() + "/suites/" + suiteId + ".yaml";
  }

  @Override
  public String start(Request request) {
    TenantId tenant = request.principal().tenantId();
    String runId = runId(tenant, request.idempotencyKey());
    byte[] stored = blobs.get(suiteKey(tenant, request.suiteId()))
        .orElseThrow(() -> new ResourceNotFoundException("suite", request.suiteId()));
    String runSuiteKey = "tenants/" + tenant.value() + "/runs/" + runId + "/suite.yaml";
    blobs.put(runSuiteKey, withVars(stored, request), "application/yaml");
    ObjectNode input = Json.mapper().createObjectNode()
        .put("tenantId", tenant.value()).put("runId", runId).put("suiteKey", runSuiteKey)
        .put("source", "webhook").put("startedBy", request.principal().principalId());
    try {
      sfn.startExecution(start -> start.stateMachineArn(stateMachineArn).name(runId).input(input.toString()));
    } catch (ExecutionAlreadyExistsException e) {
      LOG.info("run {} of tenant {} was already started", runId, tenant);
    }
    return runId;
  }

  /** {@code hook-<24 hex>}: the same tenant and key give the same id. */
  static String runId(TenantId tenant, String idempotencyKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((tenant.value() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return "hook-" + HexFormat.of().formatHex(digest).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static byte[] withVars(byte[] suite, Request request) {
    if (request.vars().isEmpty()) return suite;
    try {
      JsonNode root = Json.yaml().readTree(suite);
      if (!(root instanceof ObjectNode object))
        throw new IllegalArgumentException("stored suite " + request.suiteId() + " is not a YAML mapping");
      JsonNode defaultTest = object.get("defaultTest");
      ObjectNode defaults = defaultTest instanceof ObjectNode node ? node : object.putObject("defaultTest");
      JsonNode vars = defaults.get("vars");
      ObjectNode target = vars instanceof ObjectNode node ? node : defaults.putObject("vars");
      request.vars().forEach(target::put);
      return Json.yaml().writeValueAsBytes(object);
    } catch (IOException e) {
      throw new UncheckedIOException("stored suite " + request.suiteId() + " cannot be read as YAML", e);
    }
  }
}
