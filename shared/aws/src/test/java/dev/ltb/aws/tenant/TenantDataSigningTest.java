package dev.ltb.aws.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.api.ApiServices;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.LocalAws;
import dev.ltb.aws.api.AwsApiPorts;
import dev.ltb.aws.tenant.SignedRequests.Signed;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteVocabulary;
import dev.ltb.tenancy.TenantId;
import dev.ltb.aws.dynamodb.TableDefinitions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IAM wall at runtime: the API's ports, wired with {@code LTB_TENANT_ROLE_ARN}, sign every DynamoDB (dynalite)
 * and S3 (S3Proxy) request for tenant data with the caller's tenant session from STS (WireMock, documented AssumeRole
 * answer). The emulators do not check signatures, so each request's {@code Credential=<AccessKeyId>/} is read as it
 * leaves the client.
 */
@Tag("slow")
class TenantDataSigningTest {

  @RegisterExtension static LocalAws local = new LocalAws();

  @RegisterExtension
  static WireMockExtension sts = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId BETA = TenantId.of("beta");
  static Map<String, String> environment;
  static AwsAdapters aws;
  static ApiServices.Ports ports;
  static S3Proxy s3;
  static String previousS3Endpoint;

  @BeforeEach
  void stsAnswers() { // WireMockExtension forgets stubs after each test
    StsStubs.answerAssumeRole(sts, "acme");
    StsStubs.answerAssumeRole(sts, "beta");
  }

  @BeforeAll
  static void wire() throws Exception {
    System.setProperty("aws.endpointUrlSts", sts.baseUrl());
    // The local cloud's S3Proxy verifies signatures against its one static key, which no assumed-role session
    // has; this class's S3Proxy accepts any signer, like dynalite, and the key ids are read as requests leave.
    s3 = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.NONE, null, null).ignoreUnknownHeaders(true).build();
    s3.start();
    while (!"STARTED".equals(s3.getState())) Thread.sleep(10);
    previousS3Endpoint = System.getProperty("aws.endpointUrlS3");
    System.setProperty("aws.endpointUrlS3", "http://127.0.0.1:" + s3.getPort());
    String bucket = "ltb-signing-" + UUID.randomUUID().toString().substring(0, 8);
    environment = new HashMap<>(Map.of(
        AwsSettings.TABLE, local.newTables().runs(),
        AwsSettings.BUCKET, bucket,
        AwsSettings.STATE_MACHINE_ARN, LocalCloud.stateMachineArn("ltb-run"),
        AwsSettings.CANCEL_FUNCTION_ARN, LocalCloud.functionArn("ltb-cancel"),
        AwsSettings.TENANT_ROLE_ARN, StsStubs.ROLE_ARN,
        "AWS_LAMBDA_FUNCTION_NAME", "ltb-test-rest-api"));
    aws = new AwsAdapters(new AwsClients(), AwsSettings.of(environment));
    TableDefinitions.createBucket(aws.clients().s3(), bucket);
    ports = AwsApiPorts.from(aws, BuiltInProviders.registry(), loader(), Clock.systemUTC());
  }

  @AfterAll
  static void close() throws Exception {
    aws.close();
    s3.stop();
    System.clearProperty("aws.endpointUrlSts");
    if (previousS3Endpoint != null) System.setProperty("aws.endpointUrlS3", previousS3Endpoint);
  }

  static SuiteLoader loader() {
    var evaluators = BuiltInEvaluators.registry();
    var requiringValue =
        evaluators.descriptors().stream().filter(d -> d.valueRequired()).map(d -> d.id()).collect(Collectors.toSet());
    return new SuiteLoader(
        new SuiteVocabulary(evaluators.ids(), requiringValue, BuiltInProviders.registry()::supports));
  }

  /** A tenant's everyday traffic: store an object, create and list runs, read its plan, take a run slot. */
  static List<Signed> traffic(TenantId tenant, String runId) {
    return SignedRequests.during(() -> {
      ports.blobs().put(tenant.blobPrefix() + "runs/" + runId + "/report.html",
          "<h1>report</h1>".getBytes(StandardCharsets.UTF_8), "text/html");
      assertThat(ports.blobs().get(tenant.blobPrefix() + "runs/" + runId + "/report.html")).isPresent();
      var history = ports.histories().forTenant(tenant.value());
      history.create(new RunRecord(runId, "Capitals", "suites/capitals.yaml", "{\"prompts\":[\"hi\"]}",
          RunStatus.QUEUED, Instant.parse("2026-11-29T05:00:00Z"), null, 0, null, null));
      assertThat(history.list(10)).extracting(RunRecord::runId).contains(runId);
      ports.plans().planOf(tenant);
      ports.runSlots().tryAcquire(tenant, runId, 100);
      ports.runSlots().release(tenant, runId);
    });
  }

  @Test
  void everyTenantDataRequestIsSignedWithTheCallersTenantSessionAndNeverAnothers() {
    List<Signed> acme;
    try (var bound = TenantScope.bind(ACME)) {
      acme = traffic(ACME, "run-acme-1");
    }
    List<Signed> beta;
    try (var bound = TenantScope.bind(BETA)) {
      beta = traffic(BETA, "run-beta-1");
    }

    assertThat(acme).extracting(Signed::service).contains("DynamoDb", "S3");
    assertThat(acme).filteredOn(s -> !s.service().equals("Sts"))
        .extracting(Signed::accessKeyId).containsOnly(StsStubs.accessKeyOf("acme"));
    assertThat(beta).extracting(Signed::service).contains("DynamoDb", "S3");
    assertThat(beta).filteredOn(s -> !s.service().equals("Sts"))
        .extracting(Signed::accessKeyId).containsOnly(StsStubs.accessKeyOf("beta"));
    assertThat(acme).extracting(Signed::operation).contains("PutObject", "GetObject", "PutItem", "Query", "GetItem");
  }

  @Test
  void aTenantsSessionIsAssumedOnceAndReusedAcrossRequests() {
    sts.resetRequests();
    try (var bound = TenantScope.bind(ACME)) {
      for (int i = 0; i < 5; i++) traffic(ACME, "run-acme-again-" + i);
    }
    // acme's session may already be cached by another test of this class: at most one AssumeRole here, never five
    assertThat(sts.findAll(postRequestedFor(urlEqualTo("/")))).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void tenantDataOutsideAnyTenantsRequestIsRefusedAndNothingIsSent() {
    List<Signed> sent = SignedRequests.during(() -> assertThatThrownBy(() -> ports.plans().planOf(ACME))
        .hasStackTraceContaining("outside a tenant's request"));
    assertThat(sent).isEmpty();
  }

  @Test
  void apiKeysStayOnTheFunctionsOwnCredentialsBecauseTheirLookupItemHasNoTenantKey() {
    String functionKey = aws.clients().dynamoDb().serviceClientConfiguration().credentialsProvider()
        .resolveIdentity().join().accessKeyId();
    try (var bound = TenantScope.bind(ACME)) {
      List<Signed> sent = SignedRequests.during(() -> ports.apiKeys().list(ACME));
      assertThat(sent).extracting(Signed::accessKeyId).containsOnly(functionKey);
    }
  }

  @Test
  void withoutATenantRoleTheOrdinaryClientsServeTenantDataAsBefore() {
    var plain = new HashMap<>(environment);
    plain.remove(AwsSettings.TENANT_ROLE_ARN);
    try (var single = new AwsAdapters(new AwsClients(), AwsSettings.of(plain))) {
      assertThat(single.tenantData().tenantScoped()).isFalse();
      var plainPorts = AwsApiPorts.from(single, BuiltInProviders.registry(), loader(), Clock.systemUTC());
      sts.resetRequests();
      List<Signed> sent = SignedRequests.during(() -> plainPorts.plans().planOf(ACME));
      assertThat(sent).extracting(Signed::accessKeyId).doesNotContain(StsStubs.accessKeyOf("acme")).isNotEmpty();
      assertThat(sts.findAll(postRequestedFor(urlEqualTo("/")))).isEmpty();
    }
  }
}
