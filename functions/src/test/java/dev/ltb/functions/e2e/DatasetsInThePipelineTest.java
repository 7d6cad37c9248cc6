package dev.ltb.functions.e2e;

import static dev.ltb.functions.e2e.LocalPipeline.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ltb.api.Caller;
import dev.ltb.api.DatasetService;
import dev.ltb.audit.InMemoryAuditLog;
import dev.ltb.audit.RequestContext;
import dev.ltb.dataset.DatasetStatus;
import dev.ltb.dataset.DatasetVersion;
import dev.ltb.engine.ItemResult;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.plugin.ModuleHash;
import dev.ltb.run.RunRecord;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import dev.ltb.tenancy.TenantId;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A dataset uploaded as a client uploads it (registered, PUT to a presigned S3 URL on S3Proxy, validated) feeds a
 * run's tests in the cloud pipeline: {@code dataset://name} is resolved at plan to the newest ready version, which
 * the stored suite pins; every row becomes a work item judged in the workers. Another tenant's dataset is not found.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetsInThePipelineTest {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  private static final String CSV =
      "question,__expected\nCapital of France?,contains:France\nCapital of Italy?,contains:Italy\n"
          + "Capital of Peru?,contains:Chile\n";

  private LocalPipeline pipeline;
  private DatasetService datasets;

  @BeforeAll
  void startCloud() {
    pipeline = LocalPipeline.start(UnaryOperator.identity(), 2, WorkerSettings.defaults().withStatusPollInterval(Duration.ofMillis(200)));
    datasets = DatasetService.wire(pipeline.aws().blobStore(), pipeline.aws().uploadUrls(),
        pipeline.wiring().suiteLoader(), new InMemoryAuditLog(), Clock.systemUTC());
  }

  @AfterAll
  void stopCloud() {
    if (pipeline != null) pipeline.close();
  }

  @Test
  void aRunNamingAnUploadedDatasetJudgesEveryRowAndPinsTheVersionItRead() throws Exception {
    DatasetVersion ready = uploadAndValidate(TENANT, "capitals", CSV);
    assertThat(ready.status()).as(ready.problem()).isEqualTo(DatasetStatus.READY);
    assertThat(ready.rows()).isEqualTo(3);
    String suite =
        """
        description: questions from an uploaded dataset
        prompts: ["{{question}}"]
        providers: [echo]
        tests: dataset://capitals
        """;

    DescribeExecutionResponse ended = pipeline.awaitEnd(pipeline.start("with-dataset", suite, Map.of()), RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(results("with-dataset"))
        .extracting(ItemResult::testIndex, r -> r.status().name())
        .containsExactly(tuple(0, "PASS"), tuple(1, "PASS"), tuple(2, "FAIL"));
    Suite planned = SuiteCodec.fromJson(pipeline.blobText(pipeline.run("with-dataset").resolvedSuiteKey()));
    assertThat(planned.datasets()).singleElement()
        .satisfies(pin -> assertThat(pin.pinned()).isEqualTo("dataset://capitals@sha256:" + sha(CSV)));
  }

  @Test
  void anotherTenantsDatasetIsNotFoundAtPlan() throws Exception {
    uploadAndValidate("globex", "globex-secrets", CSV);
    String suite =
        """
        prompts: ["{{question}}"]
        providers: [echo]
        tests: dataset://globex-secrets@sha256:%s
        """
            .formatted(sha(CSV));

    DescribeExecutionResponse ended = pipeline.awaitEnd(pipeline.start("foreign-dataset", suite, Map.of()), RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    RunRecord record = pipeline.history().find("foreign-dataset").orElseThrow();
    assertThat(record.statusReason()).contains("tests: no ready dataset dataset://globex-secrets@sha256:" + sha(CSV));
  }

  private DatasetVersion uploadAndValidate(String tenant, String name, String text) throws Exception {
    Caller caller = new Caller(new Principal(TenantId.of(tenant), "user-" + tenant, Role.ADMIN, PrincipalKind.USER),
        new RequestContext("203.0.113.7", "test"));
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    var registered = datasets.register(caller, new DatasetService.NewDataset(name, "csv", sha(text), (long) bytes.length));
    HttpRequest.Builder put = HttpRequest.newBuilder(registered.upload().url()).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    registered.upload().headers().forEach(put::header);
    HttpResponse<String> response = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return datasets.validate(caller, name, sha(text));
  }

  private List<ItemResult> results(String runId) {
    List<ItemResult> results = new ArrayList<>();
    pipeline.history().forEachResult(runId, results::add);
    results.sort(Comparator.comparingInt(ItemResult::testIndex));
    return results;
  }

  private static String sha(String text) {
    return ModuleHash.sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
