package dev.ltb.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.provider.TokenUsage;
import dev.ltb.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class UsageTest {

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId BETA = TenantId.of("beta");
  static final LocalDate DAY = LocalDate.of(2026, 11, 28);
  static final PriceList PRICES = new PriceList("USD", new BigDecimal("0.0005"), new BigDecimal("1.1"),
      new BigDecimal("0.00002"), new BigDecimal("0.0001"));

  private final InMemoryUsageLedger ledger = new InMemoryUsageLedger();

  private static UsageRecord shard(TenantId tenant, String run, int shard, LocalDate day, long items) {
    return new UsageRecord(tenant, run, UsageRecord.shardUnit(shard), day,
        new UsageTotals(1, items, items * 100, items * 20, new BigDecimal("0.002").multiply(BigDecimal.valueOf(items)),
            items * 50, items * 5));
  }

  @Test
  void aShardsUsageIsComputedFromAllItsStoredResultsJudgeTokensIncluded() {
    List<ItemResult> results = List.of(result("i1", 0.01, new TokenUsage(100, 20), new TokenUsage(30, 5)),
        result("i2", null, new TokenUsage(200, 40), TokenUsage.NONE));

    UsageRecord record = UsageRecord.ofShard(ACME, "run-1", 7, DAY, results, 1500, 120);

    assertThat(record.unit()).isEqualTo("shard-0007");
    assertThat(record.usage()).isEqualTo(new UsageTotals(1, 2, 330, 65, new BigDecimal("0.01"), 1500, 120));
  }

  @Test
  void aRedeliveredShardIsBilledOnce() {
    assertThat(ledger.record(shard(ACME, "run-1", 0, DAY, 50))).isTrue();
    assertThat(ledger.record(shard(ACME, "run-1", 0, DAY, 50))).isFalse();
    assertThat(ledger.record(shard(ACME, "run-1", 1, DAY, 30))).isTrue();

    assertThat(ledger.run(ACME, "run-1").items()).isEqualTo(80);
    assertThat(ledger.daily(ACME, DAY, DAY)).singleElement()
        .satisfies(day -> assertThat(day.usage().records()).isEqualTo(2));
  }

  @Test
  void racingRedeliveriesOfEveryShardStillBillEachOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> writes = new ArrayList<>();
    for (int copy = 0; copy < 8; copy++)
      for (int s = 0; s < 50; s++) {
        int shard = s;
        writes.add(pool.submit(() -> ledger.record(shard(ACME, "run-1", shard, DAY, 10))));
      }
    long applied = 0;
    for (Future<Boolean> write : writes) if (write.get()) applied++;
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);

    assertThat(applied).isEqualTo(50);
    assertThat(ledger.run(ACME, "run-1").items()).isEqualTo(500);
  }

  @Test
  void usageRollsUpPerTenantPerDayAndMonth() {
    ledger.record(shard(ACME, "run-1", 0, LocalDate.of(2026, 10, 31), 5));
    ledger.record(shard(ACME, "run-2", 0, LocalDate.of(2026, 11, 1), 10));
    ledger.record(shard(ACME, "run-2", 1, LocalDate.of(2026, 11, 1), 20));
    ledger.record(shard(ACME, "run-3", 0, LocalDate.of(2026, 11, 30), 40));
    ledger.record(shard(BETA, "run-1", 0, LocalDate.of(2026, 11, 1), 1000));

    assertThat(ledger.daily(ACME, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
        .extracting(DailyUsage::day, d -> d.usage().items())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 1), 30L),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 30), 40L));
    assertThat(ledger.month(ACME, YearMonth.of(2026, 11)).items()).isEqualTo(70);
    assertThat(ledger.month(BETA, YearMonth.of(2026, 11)).items()).isEqualTo(1000);
    assertThat(ledger.run(BETA, "run-2")).isEqualTo(UsageTotals.ZERO);
  }

  @Test
  void chargesFollowThePriceListPerComponent() {
    UsageTotals usage = new UsageTotals(3, 1000, 100_000, 20_000, new BigDecimal("2.50"), 60_000, 5_000);

    Charge charge = Charge.of(usage, PRICES);

    assertThat(charge.items()).isEqualByComparingTo("0.5");
    assertThat(charge.provider()).isEqualByComparingTo("2.75");
    assertThat(charge.compute()).isEqualByComparingTo("0.0012");
    assertThat(charge.plugins()).isEqualByComparingTo("0.0005");
    assertThat(charge.total()).isEqualByComparingTo("3.2517");
    assertThat(Charge.of(usage, PriceList.free()).total()).isEqualByComparingTo("0");
  }

  @Test
  void theBillingCsvHasOneRowPerDayWithChargesAndParsesBack() throws Exception {
    ledger.record(shard(ACME, "run-1", 0, LocalDate.of(2026, 11, 1), 10));
    ledger.record(shard(ACME, "run-2", 0, LocalDate.of(2026, 11, 2), 1000));

    String csv = UsageCsv.toString(ACME, ledger.daily(ACME, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)),
        PRICES);

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(csv)).getRecords();
    assertThat(csv.lines().findFirst()).contains(String.join(",", UsageCsv.HEADER));
    assertThat(rows).hasSize(2);
    CSVRecord second = rows.get(1);
    assertThat(second.get("tenant")).isEqualTo("acme");
    assertThat(second.get("day")).isEqualTo("2026-11-02");
    assertThat(second.get("items")).isEqualTo("1000");
    assertThat(second.get("tokens_in")).isEqualTo("100000");
    // 1000 × 0.0005 + 2.000 × 1.1 + 50 s × 0.00002 + 5 s × 0.0001 = 0.5 + 2.2 + 0.001 + 0.0005
    assertThat(second.get("charge_total_usd")).isEqualTo("2.70");
    assertThat(second.get("charge_provider_usd")).isEqualTo("2.200000");
  }

  private static ItemResult result(String id, Double cost, TokenUsage tokens, TokenUsage judge) {
    return new ItemResult("run-1", id, 0, "t", Map.of(), Map.of(), "p", "p", "prompt", 0, "echo", "echo", 0,
        ItemStatus.PASS, 1, "", "out", List.of(), Map.of(), tokens, judge, cost, 10, null, "stop", false, 1, null,
        Instant.parse("2026-11-28T12:00:00Z"));
  }
}
