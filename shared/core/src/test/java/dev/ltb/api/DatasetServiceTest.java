package dev.ltb.api;

import static dev.ltb.testkit.ApiTestPorts.ACME;
import static dev.ltb.testkit.ApiTestPorts.BETA;
import static dev.ltb.testkit.ApiTestPorts.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.audit.AuditQuery;
import dev.ltb.audit.AuditRecord;
import dev.ltb.dataset.DatasetStatus;
import dev.ltb.dataset.DatasetVersion;
import dev.ltb.pipeline.RunRef;
import dev.ltb.plugin.ModuleHash;
import dev.ltb.run.RunStatus;
import dev.ltb.security.AccessDeniedException;
import dev.ltb.security.Role;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.testkit.ApiTestPorts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetServiceTest {

  private static final String CSV = "city,__expected\nParis,contains:Paris\nRome,contains:Rome\nOslo,contains:Oslo\n";
  private static final String BAD_JSONL =
      "{\"vars\": {\"city\": \"Paris\"}}\n{\"vars\": {\"city\": \"Rome\"}, \"assert\": [{\"type\": \"contians\"}]}\n";

  private final ApiTestPorts ports = new ApiTestPorts();
  private final DatasetService datasets =
      DatasetService.wire(
          ports.blobs,
          (key, contentType, validFor) ->
              new UploadUrls.Upload(URI.create("https://uploads.example/" + key), Map.of("Content-Type", contentType)),
          ports.loader, ports.audit, ports.clock);
  private final Caller admin = caller(ACME, Role.ADMIN);

  @Test
  void aRegisteredVersionIsUploadedValidatedAndThenReadyWithItsRowCount() {
    DatasetService.DatasetUpload registered = register("cities", "csv", CSV);

    assertThat(registered.upload().url().toString())
        .isEqualTo("https://uploads.example/tenants/acme/datasets/cities/" + sha(CSV) + ".csv");
    assertThat(registered.upload().headers()).containsEntry("Content-Type", "text/csv");
    assertThat(registered.dataset().status()).isEqualTo(DatasetStatus.PENDING);
    assertThat(registered.reference()).isEqualTo("dataset://cities@sha256:" + sha(CSV));
    assertThat(datasets.validate(admin, "cities", sha(CSV)).problem()).contains("no file was uploaded yet");

    upload(registered, CSV);
    DatasetVersion ready = datasets.validate(admin, "cities", sha(CSV));

    assertThat(ready.status()).isEqualTo(DatasetStatus.READY);
    assertThat(ready.rows()).isEqualTo(3);
    assertThat(datasets.get(caller(ACME, Role.VIEWER), "cities").latest()).isEqualTo(ready);
    assertThat(actions()).contains("suites:manage/succeeded");
  }

  @Test
  void aFileWithAMistakeIsInvalidWithTheFirstProblemAndItsLine() {
    upload(register("qa", "jsonl", BAD_JSONL), BAD_JSONL);

    DatasetVersion checked = datasets.validate(admin, "qa", sha(BAD_JSONL));

    assertThat(checked.status()).isEqualTo(DatasetStatus.INVALID);
    assertThat(checked.problem()).startsWith("qa.jsonl:2:").contains("contians");
    assertThat(ports.blobs.keys("tenants/acme/datasets/qa/", 10)).noneMatch(key -> key.endsWith(".jsonl"));
  }

  @Test
  void anUploadThatIsNotTheRegisteredFileIsInvalidNamingBothHashes() {
    DatasetService.DatasetUpload registered = register("cities", "csv", CSV);
    String other = CSV.replace("Oslo", "Bern");
    upload(registered, other);

    DatasetVersion checked = datasets.validate(admin, "cities", sha(CSV));

    assertThat(checked.status()).isEqualTo(DatasetStatus.INVALID);
    assertThat(checked.problem()).contains(sha(other)).contains(sha(CSV)).contains("upload the file you registered");
  }

  @Test
  void aFileOverTheLimitIsRefusedWhenRegisteredWithTheLimitInTheMessage() {
    assertThatThrownBy(() -> datasets.register(admin,
            new DatasetService.NewDataset("huge", "csv", sha(CSV), DatasetService.MAX_BYTES + 1)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.problem().status()).isEqualTo(413);
          assertThat(e.getMessage()).contains(String.valueOf(DatasetService.MAX_BYTES)).contains("split it");
        });
  }

  @Test
  void badFieldsAreNamed() {
    assertThatThrownBy(() -> datasets.register(admin, new DatasetService.NewDataset("Cities!", "csv", sha(CSV), 3L)))
        .hasMessageStartingWith("name:");
    assertThatThrownBy(() -> datasets.register(admin, new DatasetService.NewDataset("cities", "xlsx", sha(CSV), 3L)))
        .hasMessageStartingWith("format:").hasMessageContaining("csv, jsonl, json or yaml");
    assertThatThrownBy(() -> datasets.register(admin, new DatasetService.NewDataset("cities", "csv", "abc", 3L)))
        .hasMessageStartingWith("sha256:");
  }

  @Test
  void aReadyVersionIsImmutableRegisteringItAgainGivesNoUploadUrl() {
    upload(register("cities", "csv", CSV), CSV);
    datasets.validate(admin, "cities", sha(CSV));

    DatasetService.DatasetUpload again = register("cities", "csv", CSV);

    assertThat(again.upload()).isNull();
    assertThat(again.dataset().status()).isEqualTo(DatasetStatus.READY);
    assertThatThrownBy(() -> register("cities", "jsonl", CSV))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
  }

  @Test
  void listsArePagedByNameAndDeletingRemovesEveryVersion() {
    for (String name : List.of("alpha", "beta", "gamma")) upload(register(name, "csv", CSV), CSV);

    var first = datasets.list(admin, PageRequest.first(2));
    var second = datasets.list(admin, new PageRequest(2, first.nextCursor().orElseThrow()));

    assertThat(first.items()).extracting(DatasetService.DatasetSummary::name).containsExactly("alpha", "beta");
    assertThat(second.items()).extracting(DatasetService.DatasetSummary::name).containsExactly("gamma");
    assertThat(second.nextCursor()).isEmpty();
    assertThat(first.items().get(0).latest()).isNull(); // uploaded, not yet validated

    datasets.delete(admin, "beta");
    assertThat(datasets.list(admin, PageRequest.first(10)).items())
        .extracting(DatasetService.DatasetSummary::name).containsExactly("alpha", "gamma");
    assertThat(ports.blobs.keys("tenants/acme/datasets/beta/", 10)).isEmpty();
  }

  @Test
  void anotherTenantsDatasetIsNotFoundAndViewersCannotRegister() {
    upload(register("cities", "csv", CSV), CSV);
    datasets.validate(admin, "cities", sha(CSV));
    Caller beta = caller(BETA, Role.OWNER);

    assertThatThrownBy(() -> datasets.get(beta, "cities")).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> datasets.validate(beta, "cities", sha(CSV))).isInstanceOf(ResourceNotFoundException.class);
    assertThat(datasets.list(beta, PageRequest.first()).items()).isEmpty();
    assertThatThrownBy(() -> datasets.register(caller(ACME, Role.VIEWER),
            new DatasetService.NewDataset("x", "csv", sha(CSV), 3L)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aRunNamingTheDatasetByNameIsPlannedWithTheNewestReadyVersionPinned() {
    upload(register("cities", "csv", CSV), CSV);
    datasets.validate(admin, "cities", sha(CSV));
    ports.clock.advance(Duration.ofMinutes(1));
    String two = "city,__expected\nLima,contains:Lima\nQuito,contains:Quito\n";
    upload(register("cities", "csv", two), two);
    datasets.validate(admin, "cities", sha(two));
    String suite = "prompts: [\"Answer: {{city}}\"]\nproviders: [echo]\ntests: dataset://cities\n";

    RunView run = ports.services.runs().start(admin, StartRun.inline(suite, null));

    assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    Suite planned = SuiteCodec.fromJson(ports.blobs.text(new RunRef("acme", run.runId()).resolvedSuiteKey()));
    assertThat(planned.tests()).extracting(t -> t.vars().get("city")).containsExactly("Lima", "Quito");
    assertThat(planned.datasets()).singleElement().satisfies(pin -> {
      assertThat(pin.reference()).isEqualTo("dataset://cities");
      assertThat(pin.pinned()).isEqualTo("dataset://cities@sha256:" + sha(two));
      assertThat(pin.rows()).isEqualTo(2);
    });
  }

  @Test
  void aRunNamingAMissingOrForeignDatasetIsRefusedBeforeAnythingIsStored() {
    upload(register("cities", "csv", CSV), CSV);
    datasets.validate(admin, "cities", sha(CSV));
    String suite = "prompts: [\"{{city}}\"]\nproviders: [echo]\ntests: dataset://cities@sha256:" + sha(CSV) + "\n";

    assertThatThrownBy(() -> ports.services.runs().start(caller(BETA, Role.OWNER), StartRun.inline(suite, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.problem().status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("no ready dataset dataset://cities@sha256:" + sha(CSV));
        });
    assertThat(ports.started).isEmpty();
  }

  private DatasetService.DatasetUpload register(String name, String format, String text) {
    return datasets.register(admin, new DatasetService.NewDataset(
        name, format, sha(text), (long) text.getBytes(StandardCharsets.UTF_8).length));
  }

  /** What the client's PUT to the presigned URL does. */
  private void upload(DatasetService.DatasetUpload registered, String text) {
    String key = registered.upload().url().toString().substring("https://uploads.example/".length());
    ports.blobs.put(key, text.getBytes(StandardCharsets.UTF_8), "text/csv");
  }

  private static String sha(String text) {
    return ModuleHash.sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> actions() {
    return ports.audit.query(ACME, AuditQuery.latest(100)).items().stream()
        .map((AuditRecord r) -> r.action() + "/" + r.result().name().toLowerCase()).toList();
  }
}
