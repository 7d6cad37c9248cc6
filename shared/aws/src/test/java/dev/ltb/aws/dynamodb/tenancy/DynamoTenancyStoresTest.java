package dev.ltb.aws.dynamodb.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.audit.AuditQuery;
import dev.ltb.audit.AuditRecord;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.RequestContext;
import dev.ltb.audit.ResourceRef;
import dev.ltb.aws.LocalAws;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.AuthenticationException;
import dev.ltb.security.IssuedApiKey;
import dev.ltb.security.Operation;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.Page;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.Plans;
import dev.ltb.tenancy.TenantId;
import dev.ltb.usage.DailyUsage;
import dev.ltb.usage.UsageRecord;
import dev.ltb.usage.UsageTotals;
import dev.ltb.webhook.DeliveryAttempt;
import dev.ltb.webhook.WebhookEventType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB adapters of issue 8 against dynalite through the production clients: the documented keys,
 * tenant isolation, exactly-once usage and slots under racing threads, replay protection, audit pages.
 */
@Tag("slow")
class DynamoTenancyStoresTest {

  @RegisterExtension static LocalAws aws = new LocalAws();

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId BETA = TenantId.of("beta");
  static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  static DynamoDbClient dynamo;
  static String table;
  static ExecutorService pool;

  @BeforeAll
  static void tables() {
    dynamo = aws.clients().dynamoDb();
    table = aws.newTables().runs();
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  private static Map<String, AttributeValue> item(String pk, String sk) {
    return dynamo.getItem(get -> get.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk), "sk",
        AttributeValue.fromS(sk))).consistentRead(true)).item();
  }

  private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
    List<Future<T>> futures = pool.invokeAll(calls);
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) results.add(future.get());
    return results;
  }

  @Test
  void apiKeysAreStoredHashedUnderTheirLookupKeyAndStayInTheirTenant() {
    DynamoApiKeyStore store = new DynamoApiKeyStore(dynamo, table);
    ApiKeys keys = new ApiKeys(store, new ApiKeyHasher(), Clock.fixed(T0, ZoneOffset.UTC));
    Principal admin = new Principal(ACME, "user-1", Role.ADMIN, PrincipalKind.USER);

    IssuedApiKey issued = keys.issue(ACME, "ci", admin);
    String keyId = issued.record().keyId();

    Map<String, AttributeValue> lookup = item("APIKEY#" + keyId, "APIKEY");
    assertThat(lookup.get("tenantId").s()).isEqualTo("acme");
    assertThat(lookup.get("hash").s()).startsWith("$argon2id$");
    assertThat(lookup.values().toString()).doesNotContain(issued.key().reveal());
    assertThat(item("TENANT#acme", "APIKEY#" + keyId)).isNotEmpty();
    assertThat(keys.verify(issued.key())).isEqualTo(new Principal(ACME, "key:" + keyId, Role.SERVICE,
        PrincipalKind.API_KEY));
    assertThat(store.findByKeyId(keyId).orElseThrow().lastUsedAt()).isEqualTo(T0);
    assertThat(keys.list(ACME)).extracting(r -> r.keyId()).containsExactly(keyId);
    assertThat(keys.list(BETA)).isEmpty();
    assertThatThrownBy(() -> keys.revoke(BETA, keyId)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(keys.verify(issued.key()).tenantId()).isEqualTo(ACME);

    keys.revoke(ACME, keyId);
    assertThatThrownBy(() -> keys.verify(issued.key())).isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> store.create(issued.record())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void usageIsAppliedOncePerShardEvenWhenEightDeliveriesRace() throws Exception {
    DynamoUsageLedger ledger = new DynamoUsageLedger(dynamo, table);
    List<Callable<Boolean>> writes = new ArrayList<>();
    for (int copy = 0; copy < 8; copy++)
      for (int shard = 0; shard < 10; shard++) {
        UsageRecord record = new UsageRecord(ACME, "run-1", UsageRecord.shardUnit(shard), LocalDate.of(2026, 11, 28),
            new UsageTotals(1, 25, 2500, 500, new BigDecimal("0.0125"), 1200, 30));
        writes.add(() -> ledger.record(record));
      }

    List<Boolean> applied = race(writes);

    assertThat(applied.stream().filter(a -> a).count()).isEqualTo(10);
    assertThat(ledger.run(ACME, "run-1")).usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(new UsageTotals(10, 250, 25_000, 5_000, new BigDecimal("0.1250"),
        12_000, 300));
    assertThat(ledger.run(BETA, "run-1")).isEqualTo(UsageTotals.ZERO);
  }

  @Test
  void usageRollsUpByDayAndMonthPerTenant() {
    DynamoUsageLedger ledger = new DynamoUsageLedger(dynamo, table);
    TenantId gamma = TenantId.of("gamma");
    ledger.record(new UsageRecord(gamma, "run-a", "shard-0000", LocalDate.of(2026, 10, 31),
        new UsageTotals(1, 5, 0, 0, BigDecimal.ZERO, 0, 0)));
    ledger.record(new UsageRecord(gamma, "run-b", "shard-0000", LocalDate.of(2026, 11, 1),
        new UsageTotals(1, 10, 0, 0, BigDecimal.ONE, 0, 0)));
    ledger.record(new UsageRecord(gamma, "run-c", "shard-0000", LocalDate.of(2026, 11, 1),
        new UsageTotals(1, 20, 0, 0, BigDecimal.ONE, 0, 0)));
    ledger.record(new UsageRecord(gamma, "run-c", "shard-0001", LocalDate.of(2026, 11, 30),
        new UsageTotals(1, 40, 0, 0, BigDecimal.ONE, 0, 0)));
    ledger.record(new UsageRecord(TenantId.of("delta"), "run-x", "shard-0000", LocalDate.of(2026, 11, 1),
        new UsageTotals(1, 999, 0, 0, BigDecimal.ONE, 0, 0)));

    assertThat(ledger.daily(gamma, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
        .extracting(DailyUsage::day, d -> d.usage().items())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 1), 30L),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 30), 40L));
    assertThat(ledger.month(gamma, YearMonth.of(2026, 11)).providerCostUsd()).isEqualByComparingTo("3");
  }

  @Test
  void concurrencySlotsHoldUnderRacingStartsAndAreReleased() throws Exception {
    DynamoRunSlots slots = new DynamoRunSlots(dynamo, table);
    TenantId tenant = TenantId.of("slots-tenant");
    List<Callable<Boolean>> starts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String runId = "run-" + i;
      starts.add(() -> slots.tryAcquire(tenant, runId, 3));
    }

    assertThat(race(starts).stream().filter(a -> a).count()).isEqualTo(3);
    assertThat(slots.active(tenant)).isEqualTo(3);
    @SuppressWarnings("unchecked")
    String holder = item("TENANT#slots-tenant", "RUNSLOTS").get("runs").ss().getFirst();
    assertThat(slots.tryAcquire(tenant, holder, 3)).as("a retried start keeps its slot").isTrue();
    slots.release(tenant, holder);
    assertThat(slots.active(tenant)).isEqualTo(2);
    assertThat(slots.tryAcquire(tenant, "run-new", 3)).isTrue();
    assertThat(slots.active(TenantId.of("other-tenant"))).isZero();
  }

  @Test
  void aDeliveryIdIsRememberedOncePerTenantAndHook() throws Exception {
    DynamoDeliveryIds ids = new DynamoDeliveryIds(dynamo, table);
    List<Callable<Boolean>> deliveries = new ArrayList<>();
    for (int i = 0; i < 8; i++) deliveries.add(() -> ids.remember(ACME, "on-push", "d-1", T0));

    assertThat(race(deliveries).stream().filter(a -> a).count()).isEqualTo(1);
    assertThat(ids.remember(ACME, "other-hook", "d-1", T0)).isTrue();
    assertThat(ids.remember(BETA, "on-push", "d-1", T0)).isTrue();
    assertThat(item("TENANT#acme", "HOOKDLV#on-push#d-1").get("expiresAt").n())
        .isEqualTo(Long.toString(T0.plus(Duration.ofDays(30)).getEpochSecond()));
  }

  @Test
  void aForgottenDeliveryIdIsTakenAgainSoARefusedDeliveryCanBeResent() {
    DynamoDeliveryIds ids = new DynamoDeliveryIds(dynamo, table);
    assertThat(ids.remember(ACME, "on-push", "d-2", T0)).isTrue();

    ids.forget(ACME, "on-push", "d-2");

    assertThat(ids.remember(ACME, "on-push", "d-2", T0)).isTrue();
    assertThat(ids.remember(ACME, "on-push", "d-2", T0)).isFalse();
  }

  @Test
  void aSignedUpTenantIsCreatedOnceEvenWhenTheTriggerRaces() throws Exception {
    DynamoTenantPlans plans = new DynamoTenancyStores(dynamo, table).tenantPlans(Plans.builtIn(), "unlimited");
    TenantId newcomer = TenantId.of("t-0123456789abcdef0123");
    List<Callable<Boolean>> triggers = new ArrayList<>();
    for (int i = 0; i < 8; i++) triggers.add(() -> plans.createIfAbsent(newcomer, "free", T0));

    assertThat(race(triggers).stream().filter(created -> created).count()).isEqualTo(1);
    assertThat(plans.planOf(newcomer).id()).isEqualTo("free");
    assertThatThrownBy(() -> plans.createIfAbsent(TenantId.of("other-tenant"), "gold", T0))
        .hasMessageContaining("unknown plan \"gold\"; known: free, team, enterprise");
  }

  @Test
  void aWebhooksDeliveryLogIsReadNewestFirstPageByPage() {
    DynamoDeliveryLog log = new DynamoTenancyStores(dynamo, table).deliveryLog();
    List<DeliveryAttempt> written = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      DeliveryAttempt attempt = new DeliveryAttempt(ACME, "ci", "dlv_1", "evt_1", WebhookEventType.RUN_COMPLETED, i,
          T0.plusSeconds(10L * i), i < 5 ? DeliveryAttempt.Outcome.RETRY_SCHEDULED : DeliveryAttempt.Outcome.DELIVERED,
          i < 5 ? 503 : 200, 40, i < 5 ? "receiver answered 503" : null, null);
      log.append(attempt);
      written.add(attempt);
    }
    log.append(new DeliveryAttempt(ACME, "other", "dlv_2", "evt_2", WebhookEventType.TEST, 1, T0,
        DeliveryAttempt.Outcome.DELIVERED, 200, 10, null, null));

    Page<DeliveryAttempt> first = log.list(ACME, "ci", PageRequest.first(3));
    Page<DeliveryAttempt> second = log.list(ACME, "ci", new PageRequest(3, first.nextCursor().orElseThrow()));

    assertThat(first.items()).containsExactlyElementsOf(written.reversed().subList(0, 3));
    assertThat(second.items()).containsExactlyElementsOf(written.reversed().subList(3, 5));
    assertThat(second.nextCursor()).isEmpty();
    assertThat(log.list(BETA, "ci", PageRequest.first()).items()).isEmpty();
    assertThatThrownBy(() -> log.list(ACME, "other", new PageRequest(3, first.nextCursor().get())))
        .hasMessage("cursor does not belong to this webhook");
  }

  @Test
  void theAuditTrailIsAppendOnlyPagedNewestFirstAndPerTenant() {
    DynamoAuditLog log = new DynamoAuditLog(dynamo, table);
    TenantId tenant = TenantId.of("audited");
    dev.ltb.testkit.MutableClock clock = new dev.ltb.testkit.MutableClock(T0);
    AuditRecorder recorder = new AuditRecorder(log, clock);
    Principal owner = new Principal(tenant, "user-1", Role.OWNER, PrincipalKind.USER);
    List<AuditRecord> written = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      written.add(recorder.succeeded(owner, Operation.RUN_START, ResourceRef.of("run", "run-" + i),
          new RequestContext("198.51.100.7", "ltb-cli/1.0")));
      clock.advance(Duration.ofMinutes(1));
    }
    recorder.succeeded(new Principal(TenantId.of("someone-else"), "u", Role.OWNER, PrincipalKind.USER),
        Operation.RUN_START, ResourceRef.of("run", "x"), RequestContext.INTERNAL);

    List<AuditRecord> read = new ArrayList<>();
    PageRequest page = PageRequest.first(2);
    while (true) {
      Page<AuditRecord> result = log.query(tenant, new AuditQuery(null, null, page));
      read.addAll(result.items());
      if (result.nextCursor().isEmpty()) break;
      page = new PageRequest(2, result.nextCursor().get());
    }
    assertThat(read).containsExactlyElementsOf(written.reversed());
    assertThat(log.query(tenant, new AuditQuery(T0.plusSeconds(60), T0.plusSeconds(180), PageRequest.first(10)))
        .items()).extracting(r -> r.resource().id()).containsExactly("run-2", "run-1");
    assertThatThrownBy(() -> log.append(written.getFirst())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> log.query(tenant, new AuditQuery(null, null, new PageRequest(2, "RUN#x"))))
        .hasMessage("cursor does not belong to this query");
  }
}
