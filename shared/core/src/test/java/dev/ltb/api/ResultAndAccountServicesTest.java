package dev.ltb.api;

import static dev.ltb.testkit.ApiTestPorts.ACME;
import static dev.ltb.testkit.ApiTestPorts.BETA;
import static dev.ltb.testkit.ApiTestPorts.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.security.Role;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.testkit.ApiTestPorts;
import dev.ltb.testkit.SampleRuns;
import dev.ltb.webhook.DeliveryAttempt;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ResultAndAccountServicesTest {

  final ApiTestPorts ports = new ApiTestPorts();
  final Caller member = caller(ACME, Role.MEMBER);
  final SampleRuns.SampleRun sample = SampleRuns.threeProviders();

  void storeSample() {
    var history = ports.history(ACME);
    history.create(new RunRecord(SampleRuns.RUN_ID, "capitals", "suite.yaml", null, RunStatus.COMPLETED,
        SampleRuns.STARTED_AT, SampleRuns.STARTED_AT.plusSeconds(60), sample.results().size(), sample.summary(), null));
    sample.forEach(history::save);
  }

  @Test
  void resultsPageThroughTheWholeRunOnceAndFilterByProviderAndOutcome() {
    storeSample();
    ResultService results = ports.services.results();

    List<String> seen = new ArrayList<>();
    Page<ItemResult> page = results.results(member, SampleRuns.RUN_ID, ResultFilter.ALL, PageRequest.first(10));
    while (true) {
      page.items().forEach(r -> seen.add(r.itemId()));
      if (page.nextCursor().isEmpty()) break;
      page = results.results(member, SampleRuns.RUN_ID, ResultFilter.ALL, new PageRequest(10, page.nextCursor().get()));
    }
    assertThat(seen).hasSize(72).doesNotHaveDuplicates().isSorted();

    var failedGpt = results.results(member, SampleRuns.RUN_ID,
        new ResultFilter("openai:chat:gpt-4o-mini", false, null), PageRequest.first(100)).items();
    assertThat(failedGpt).isNotEmpty().allSatisfy(r -> {
      assertThat(r.providerId()).isEqualTo("openai:chat:gpt-4o-mini");
      assertThat(r.status()).isEqualTo(ItemStatus.FAIL);
    });
    assertThat(results.results(member, SampleRuns.RUN_ID, new ResultFilter(null, null, true), PageRequest.first(100))
        .items()).allSatisfy(r -> assertThat(r.status()).isEqualTo(ItemStatus.ERROR));
  }

  @Test
  void aResultsPageReadsOnlyItsItemsFromTheHistoryWhereverItsCursorIs() {
    var big = SampleRuns.builder().tests(400).build(); // 1,200 results
    var history = ports.history(ACME);
    history.create(new RunRecord(SampleRuns.RUN_ID, "capitals", "suite.yaml", null, RunStatus.COMPLETED,
        SampleRuns.STARTED_AT, SampleRuns.STARTED_AT.plusSeconds(60), big.results().size(), big.summary(), null));
    big.forEach(history::save);
    ResultService results = ports.services.results();

    long before = history.resultsRead();
    Page<ItemResult> first = results.results(member, SampleRuns.RUN_ID, ResultFilter.ALL, PageRequest.first(100));
    assertThat(first.items()).hasSize(100);
    assertThat(history.resultsRead() - before).as("the first page and one look-ahead item").isEqualTo(101);

    Page<ItemResult> page = first;
    for (int i = 0; i < 9; i++)
      page = results.results(member, SampleRuns.RUN_ID, ResultFilter.ALL, new PageRequest(100, page.nextCursor().get()));
    before = history.resultsRead();
    Page<ItemResult> eleventh =
        results.results(member, SampleRuns.RUN_ID, ResultFilter.ALL, new PageRequest(100, page.nextCursor().get()));
    assertThat(eleventh.items().getFirst().itemId())
        .isEqualTo(big.results().stream().map(ItemResult::itemId).sorted().toList().get(1_000));
    assertThat(history.resultsRead() - before).as("a deep page starts at its cursor").isEqualTo(101);

    before = history.resultsRead();
    Page<ItemResult> last =
        results.results(member, SampleRuns.RUN_ID, ResultFilter.ALL, new PageRequest(100, eleventh.nextCursor().get()));
    assertThat(last.items()).hasSize(100);
    assertThat(last.nextCursor()).isEmpty();
    assertThat(history.resultsRead() - before).isEqualTo(100);
  }

  @Test
  void summaryReportAndComparisonComeFromTheStoredRun() {
    storeSample();
    ResultService results = ports.services.results();

    assertThat(results.summary(member, SampleRuns.RUN_ID).totals().items()).isEqualTo(72);
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    results.report(member, SampleRuns.RUN_ID, ReportFormat.HTML, html);
    assertThat(html.toString(StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>").contains("gpt-4o-mini");
    assertThat(results.compare(member, SampleRuns.RUN_ID, SampleRuns.RUN_ID).models()).isNotEmpty();

    Problem hidden = Problems.from(catchThrowableOfType(RuntimeException.class,
        () -> results.summary(caller(BETA, Role.OWNER), SampleRuns.RUN_ID)));
    assertThat(hidden.status()).isEqualTo(404);
  }

  @Test
  void apiKeysAreShownOnceListedWithoutSecretAndRevocable() {
    Caller admin = caller(ACME, Role.ADMIN);
    AccountService account = ports.services.account();

    var issued = account.issueKey(admin, "ci");
    assertThat(issued.key().reveal()).isNotBlank();
    assertThat(account.keys(admin)).singleElement().satisfies(k -> assertThat(k.name()).isEqualTo("ci"));
    account.revokeKey(admin, issued.record().keyId());
    assertThat(account.keys(admin).getFirst().revokedAt()).isNotNull();

    assertThat(Problems.from(catchThrowableOfType(RuntimeException.class, () -> account.keys(member))).status())
        .isEqualTo(403);
  }

  @Test
  void idempotencyReplaysTheFirstAnswerAndRefusesAnotherBodyUnderTheSameKey() {
    Idempotency idempotency = ports.services.idempotency();
    int[] calls = {0};

    var first = idempotency.execute(member, "k-1", "POST /runs", "{\"a\":1}".getBytes(),
        () -> new Idempotency.Answer(201, "{\"n\":" + ++calls[0] + "}"));
    var again = idempotency.execute(member, "k-1", "POST /runs", "{\"a\":1}".getBytes(),
        () -> new Idempotency.Answer(201, "{\"n\":" + ++calls[0] + "}"));
    ApiException reused = catchThrowableOfType(ApiException.class, () -> idempotency.execute(member, "k-1",
        "POST /runs", "{\"a\":2}".getBytes(), () -> new Idempotency.Answer(201, "{}")));
    var otherTenant = idempotency.execute(caller(BETA, Role.MEMBER), "k-1", "POST /runs", "{\"a\":1}".getBytes(),
        () -> new Idempotency.Answer(201, "{\"n\":" + ++calls[0] + "}"));

    assertThat(again.body()).isEqualTo(first.body()).isEqualTo("{\"n\":1}");
    assertThat(again.replayed()).isTrue();
    assertThat(reused.problem().status()).isEqualTo(422);
    assertThat(otherTenant.body()).isEqualTo("{\"n\":2}");
  }

  @Test
  void aWebhookIsCreatedWithASecretAndItsTestDeliveryIsSignedAndSent() throws Exception {
    List<String> signatures = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      signatures.add(exchange.getRequestHeaders().getFirst("X-LTB-Signature"));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    try {
      Caller admin = caller(ACME, Role.ADMIN);
      WebhookService webhooks = ports.services.webhooks();
      var created = webhooks.create(admin, new WebhookService.WebhookSettings(
          "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", List.of("run.completed"), null, null));

      DeliveryAttempt attempt = webhooks.test(admin, created.webhook().webhookId());

      assertThat(created.secret()).startsWith("whsec_");
      assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
      assertThat(signatures).singleElement().asString().isNotBlank();
      assertThat(Problems.from(catchThrowableOfType(RuntimeException.class,
          () -> webhooks.get(caller(BETA, Role.ADMIN), created.webhook().webhookId()))).status()).isEqualTo(404);
      ApiException badEvent = catchThrowableOfType(ApiException.class, () -> webhooks.create(admin,
          new WebhookService.WebhookSettings("http://127.0.0.1/x", List.of("run.exploded"), null, null)));
      assertThat(badEvent.problem().errors().getFirst().field()).isEqualTo("events[0]");
      webhooks.delete(admin, created.webhook().webhookId());
      assertThat(webhooks.list(admin)).isEmpty();
    } finally {
      receiver.stop(0);
    }
  }
}
