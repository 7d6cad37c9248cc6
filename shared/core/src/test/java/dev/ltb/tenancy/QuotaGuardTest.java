package dev.ltb.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.usage.InMemoryUsageLedger;
import dev.ltb.usage.PriceList;
import dev.ltb.usage.UsageRecord;
import dev.ltb.usage.UsageTotals;
import dev.ltb.testkit.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuotaGuardTest {

  static final TenantId ACME = TenantId.of("acme");
  static final PriceList PRICES = new PriceList("USD", new BigDecimal("0.001"), BigDecimal.ZERO, BigDecimal.ZERO,
      BigDecimal.ZERO);
  static final Plan TEAM = new Plan("team", 1000L, 2, new BigDecimal("10.00"), PRICES);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final InMemoryUsageLedger usage = new InMemoryUsageLedger();
  private final InMemoryRunSlots slots = new InMemoryRunSlots();
  private final QuotaGuard guard = new QuotaGuard(TenantPlans.fixed(TEAM), slots, usage, clock);

  @Test
  void aRunWithinEveryLimitIsAdmittedAndHoldsASlot() {
    assertThat(guard.admit(ACME, "run-1", 1000)).isEqualTo(TEAM);
    assertThat(slots.active(ACME)).isEqualTo(1);
    guard.release(ACME, "run-1");
    assertThat(slots.active(ACME)).isZero();
  }

  @Test
  void tooManyItemsAreRefusedNamingTheLimitAndItsValue() {
    assertThatThrownBy(() -> guard.admit(ACME, "run-1", 1001))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
          assertThat(e.limit()).isEqualTo(QuotaExceededException.Limit.MAX_ITEMS_PER_RUN);
          assertThat(e.limitValue()).isEqualTo("1000");
          assertThat(e.getMessage()).isEqualTo("plan 'team' allows at most 1000 items per run (maxItemsPerRun); this"
              + " run has 1001 items. Split the suite or move to a larger plan.");
        });
    assertThat(slots.active(ACME)).as("a refused run holds no slot").isZero();
  }

  @Test
  void theThirdConcurrentRunIsRefusedUntilOneFinishesAndARetriedStartHoldsOneSlot() {
    guard.admit(ACME, "run-1", 10);
    guard.admit(ACME, "run-1", 10);
    guard.admit(ACME, "run-2", 10);

    assertThatThrownBy(() -> guard.admit(ACME, "run-3", 10))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
          assertThat(e.limit()).isEqualTo(QuotaExceededException.Limit.MAX_CONCURRENT_RUNS);
          assertThat(e.getMessage()).isEqualTo("plan 'team' allows 2 concurrent runs (maxConcurrentRuns); 2 are"
              + " queued or running. Retry when one finishes.");
        });
    guard.release(ACME, "run-1");
    guard.admit(ACME, "run-3", 10);
    assertThat(guard.admit(TenantId.of("beta"), "run-9", 10)).as("other tenants count apart").isEqualTo(TEAM);
  }

  @Test
  void racingStartsNeverExceedTheConcurrencyLimit() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> starts = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      String runId = "run-" + i;
      starts.add(pool.submit(() -> {
        go.await();
        try {
          guard.admit(ACME, runId, 1);
          return true;
        } catch (QuotaExceededException e) {
          return false;
        }
      }));
    }
    go.countDown();
    long admitted = 0;
    for (Future<Boolean> start : starts) if (start.get()) admitted++;
    pool.shutdown();

    assertThat(admitted).isEqualTo(2);
    assertThat(slots.active(ACME)).isEqualTo(2);
  }

  @Test
  void whenTheMonthsChargesReachTheBudgetNewRunsAreRefusedUntilNextMonth() {
    usage.record(new UsageRecord(ACME, "run-0", "shard-0000", LocalDate.of(2026, 11, 3),
        new UsageTotals(1, 10_000, 0, 0, BigDecimal.ZERO, 0, 0)));

    assertThatThrownBy(() -> guard.admit(ACME, "run-1", 10))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
          assertThat(e.limit()).isEqualTo(QuotaExceededException.Limit.MONTHLY_BUDGET);
          assertThat(e.limitValue()).isEqualTo("10.00");
          assertThat(e.getMessage()).isEqualTo("plan 'team' has a monthly budget of $10.00 (monthlyBudgetUsd); $10.00"
              + " is used in 2026-11. Runs start again next month or after the budget is raised.");
        });
    clock.set(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(guard.admit(ACME, "run-1", 10)).isEqualTo(TEAM);
  }

  @Test
  void anUnlimitedPlanAdmitsAnything() {
    QuotaGuard single = new QuotaGuard(TenantPlans.fixed(Plan.unlimited()), slots, usage, clock);
    for (int i = 0; i < 100; i++) single.admit(ACME, "run-" + i, 10_000_000);
    assertThat(slots.active(ACME)).as("no concurrency limit, no slots taken").isZero();
  }

  @Test
  void theBuiltInCatalogueLoadsAndOperatorsCanShipTheirOwn(@TempDir Path dir) throws Exception {
    assertThat(Plans.builtIn().all()).extracting(Plan::id).containsExactly("free", "team", "enterprise");
    assertThat(Plans.builtIn().get("free").maxConcurrentRuns()).isEqualTo(1);
    Path file = dir.resolve("plans.yaml");
    Files.writeString(file, """
        plans:
          - id: pro
            maxItemsPerRun: 5000
            prices: {currency: USD, perItem: 0.001, providerCostMarkup: 1.1, perComputeSecond: 0, perPluginSecond: 0}
        """);
    Plan pro = Plans.load(file).get("pro");
    assertThat(pro.maxConcurrentRuns()).as("left out: unlimited").isNull();
    assertThat(pro.prices().providerCostMarkup()).isEqualByComparingTo("1.1");
    assertThatThrownBy(() -> Plans.load(file).get("gold")).hasMessage("unknown plan \"gold\"; known: pro");
  }

  @Test
  void aBadCatalogueSaysWhatIsWrong(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plans.yaml");
    Files.writeString(file, "plans:\n  - id: pro\n    maxItemsPerRun: 0\n    prices: {currency: USD, perItem: 0,"
        + " providerCostMarkup: 0, perComputeSecond: 0, perPluginSecond: 0}\n");
    assertThatThrownBy(() -> Plans.load(file)).hasMessageContaining("maxItemsPerRun must be >= 1");
    Files.writeString(file, "plans:\n  - id: pro\n    maxItemPerRun: 10\n    prices: {currency: USD, perItem: 0,"
        + " providerCostMarkup: 0, perComputeSecond: 0, perPluginSecond: 0}\n");
    assertThatThrownBy(() -> Plans.load(file)).hasMessageContaining("\"maxItemPerRun\"");
    Files.writeString(file, "plans:\n  - id: pro\n");
    assertThatThrownBy(() -> Plans.load(file)).hasMessageContaining("plan pro has no prices");
  }
}
