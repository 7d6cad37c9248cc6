package dev.ltb.aws.dynamodb.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.api.IdempotencyKeys;
import dev.ltb.api.IdempotencyKeys.StoredResponse;
import dev.ltb.api.StoredSuite;
import dev.ltb.aws.LocalAws;
import dev.ltb.aws.dynamodb.DynamoRunHistories;
import dev.ltb.aws.s3.S3BlobStore;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.SampleRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapters of the API's ports against the local cloud (dynalite, S3Proxy) through the production clients. */
@Tag("slow")
class ApiAdaptersTest {

  @RegisterExtension static LocalAws aws = new LocalAws();

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId BETA = TenantId.of("beta");
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  static String table;
  static S3BlobStore blobs;
  static DynamoSuiteStore suites;
  static DynamoIdempotencyKeys keys;

  @BeforeAll
  static void storage() {
    table = aws.newTables().runs();
    blobs = new S3BlobStore(aws.clients().s3(), aws.newBucket());
    suites = new DynamoSuiteStore(aws.clients().dynamoDb(), table, blobs);
    keys = new DynamoIdempotencyKeys(aws.clients().dynamoDb(), table);
  }

  static StoredSuite suite(TenantId tenant, String id, int version, String text) {
    return new StoredSuite(tenant, id, version, "caps " + version, "yaml", text, T0.plusSeconds(version), "user-1");
  }

  @Test
  void suiteVersionsAreImmutableTheLatestIsFoundAndOtherTenantsSeeNothing() {
    assertThat(suites.add(suite(ACME, "suite-a", 1, "description: one\n"))).isTrue();
    assertThat(suites.add(suite(ACME, "suite-a", 2, "description: two\n"))).isTrue();
    assertThat(suites.add(suite(ACME, "suite-a", 2, "description: racing\n"))).isFalse();

    assertThat(suites.find(ACME, "suite-a", null).orElseThrow().text()).isEqualTo("description: two\n");
    assertThat(suites.find(ACME, "suite-a", 1).orElseThrow().text()).isEqualTo("description: one\n");
    assertThat(suites.find(BETA, "suite-a", null)).isEmpty();
    assertThat(suites.delete(BETA, "suite-a")).isFalse();
    assertThat(suites.find(ACME, "suite-a", null)).isPresent();
  }

  @Test
  void aLargeSuiteTextLivesInTheBucketAndReadsBackWhole() {
    String big = "description: big\n# " + "x".repeat(DynamoSuiteStore.INLINE_LIMIT + 10) + "\n";
    suites.add(suite(ACME, "suite-big", 1, big));

    assertThat(suites.find(ACME, "suite-big", null).orElseThrow().text()).isEqualTo(big);
    assertThat(blobs.get("tenants/acme/suites/suite-big/v1.yaml")).isPresent();
  }

  @Test
  void listsPageTheLatestVersionOfEachSuiteAndDeleteRemovesAllVersions() {
    TenantId tenant = TenantId.of("lister");
    for (String id : List.of("s-1", "s-2", "s-3")) {
      suites.add(suite(tenant, id, 1, "description: " + id + "\n"));
      suites.add(suite(tenant, id, 2, "description: " + id + "\n"));
    }
    List<StoredSuite.SuiteInfo> seen = new ArrayList<>();
    Page<StoredSuite.SuiteInfo> page = suites.list(tenant, PageRequest.first(2));
    seen.addAll(page.items());
    page = suites.list(tenant, new PageRequest(2, page.nextCursor().orElseThrow()));
    seen.addAll(page.items());

    assertThat(page.nextCursor()).isEmpty();
    assertThat(seen).extracting(StoredSuite.SuiteInfo::suiteId).containsExactly("s-1", "s-2", "s-3");
    assertThat(seen).extracting(StoredSuite.SuiteInfo::version).containsOnly(2);
    assertThat(suites.delete(tenant, "s-2")).isTrue();
    assertThat(suites.find(tenant, "s-2", 1)).isEmpty();
    assertThat(suites.list(tenant, PageRequest.first()).items()).hasSize(2);
  }

  @Test
  void theFirstAnswerOfAKeyIsKeptPerTenant() {
    StoredResponse first = new StoredResponse("h1", 201, "{\"runId\":\"r1\"}", T0);
    var won = (IdempotencyKeys.Claim.Won) keys.claim(ACME, "deploy-42", "h1", T0, Duration.ofSeconds(60));

    assertThat(keys.complete(ACME, "deploy-42", won.token(), first)).isTrue();
    assertThat(keys.complete(ACME, "deploy-42", won.token(), first)).isFalse();
    assertThat(keys.claim(ACME, "deploy-42", "h1", T0.plusSeconds(3600), Duration.ofSeconds(60)))
        .isEqualTo(new IdempotencyKeys.Claim.Answered(first));
    assertThat(keys.find(ACME, "deploy-42")).contains(first);
    assertThat(keys.find(BETA, "deploy-42")).isEmpty();
  }

  @Test
  void resultsAfterAnItemStartRightAfterIt() {
    RunHistory history = DynamoRunHistories.builder(aws.clients().dynamoDbEnhanced(), table, blobs).build()
        .forTenant("pager");
    var sample = SampleRuns.threeProviders();
    history.create(new RunRecord(SampleRuns.RUN_ID, "caps", "suite.yaml", null, RunStatus.COMPLETED,
        SampleRuns.STARTED_AT, SampleRuns.STARTED_AT, 72, sample.summary(), null));
    sample.forEach(history::save);
    List<String> all = new ArrayList<>();
    history.forEachResult(SampleRuns.RUN_ID, r -> all.add(r.itemId()));

    List<String> rest = new ArrayList<>();
    history.forEachResultAfter(SampleRuns.RUN_ID, all.get(39), r -> rest.add(r.itemId()));

    assertThat(all).hasSize(72);
    assertThat(rest).isEqualTo(all.subList(40, 72));
  }

  @Test
  void aDeletedRunIsGoneWithItsResults() {
    RunHistory history = DynamoRunHistories.builder(aws.clients().dynamoDbEnhanced(), table, blobs).build()
        .forTenant("deleter");
    var sample = SampleRuns.threeProviders();
    history.create(new RunRecord(SampleRuns.RUN_ID, "caps", "suite.yaml", null, RunStatus.COMPLETED,
        SampleRuns.STARTED_AT, SampleRuns.STARTED_AT, 72, sample.summary(), null));
    sample.forEach(history::save);

    assertThat(history.delete(SampleRuns.RUN_ID)).isTrue();
    assertThat(history.find(SampleRuns.RUN_ID)).isEmpty();
    assertThat(history.completedItemIds(SampleRuns.RUN_ID)).isEmpty();
    assertThat(history.delete(SampleRuns.RUN_ID)).isFalse();
  }
}
