package dev.ltb.testkit;

import static dev.ltb.testkit.ApiTestPorts.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ltb.api.ApiException;
import dev.ltb.api.Caller;
import dev.ltb.api.Idempotency;
import dev.ltb.api.IdempotencyKeys;
import dev.ltb.api.Problem;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyKeys} must do behind {@link Idempotency}: of simultaneous first requests with one key
 * exactly one acts, a failed action lets a retry act, and a claim abandoned by a crash lapses after its lease. Each
 * store's test extends this with the store under test.
 */
public abstract class IdempotencyKeysContract {

  protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final Caller member = caller(TenantId.of("acme"), Role.MEMBER);
  private final byte[] body = "{\"suiteId\":\"caps\"}".getBytes(StandardCharsets.UTF_8);
  private final String key = "deploy-" + UUID.randomUUID();

  /** A store for this test: fresh, or shared with keys no other test uses. */
  protected abstract IdempotencyKeys keys();

  @Test
  void ofTwoSimultaneousFirstRequestsOneActsAndTheOtherIsToldToRetryThenGetsTheSameAnswer() throws Exception {
    Idempotency idempotency = new Idempotency(keys(), clock);
    AtomicInteger actions = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1), loserAnswered = new CountDownLatch(1);
    List<Problem> refused = new CopyOnWriteArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      List<Future<Optional<Idempotency.Outcome>>> requests = List.of(1, 2).stream().map(n -> threads.submit(() -> {
        start.await();
        try {
          return Optional.of(idempotency.execute(member, key, "POST /runs", body, () -> {
            int run = actions.incrementAndGet();
            await(loserAnswered); // still acting while the duplicate arrives
            return new Idempotency.Answer(201, "{\"runId\":\"run-" + run + "\"}");
          }));
        } catch (ApiException e) {
          refused.add(e.problem());
          loserAnswered.countDown();
          return Optional.<Idempotency.Outcome>empty();
        }
      })).toList();
      start.countDown();
      List<Idempotency.Outcome> answered = requests.stream().map(IdempotencyKeysContract::get).flatMap(Optional::stream)
          .toList();

      assertThat(actions).hasValue(1);
      assertThat(answered).singleElement().extracting(Idempotency.Outcome::body).isEqualTo("{\"runId\":\"run-1\"}");
      assertThat(refused).singleElement().satisfies(problem -> {
        assertThat(problem.type().toString()).isEqualTo("https://ltb.dev/problems/idempotency-key-in-progress");
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.extensions()).containsEntry(Problem.RETRY_AFTER_SECONDS, 1);
      });
    }
    Idempotency.Outcome retried = idempotency.execute(member, key, "POST /runs", body, () -> {
      actions.incrementAndGet();
      return new Idempotency.Answer(201, "{}");
    });
    assertThat(retried.replayed()).isTrue();
    assertThat(retried.body()).isEqualTo("{\"runId\":\"run-1\"}");
    assertThat(actions).hasValue(1);
  }

  @Test
  void aFailedActionReleasesTheKeySoARetryActsAgain() {
    Idempotency idempotency = new Idempotency(keys(), clock);

    RuntimeException failed = catchThrowableOfType(RuntimeException.class,
        () -> idempotency.execute(member, key, "POST /runs", body, () -> {
          throw new IllegalStateException("provider down");
        }));
    Idempotency.Outcome retried =
        idempotency.execute(member, key, "POST /runs", body, () -> new Idempotency.Answer(201, "{\"runId\":\"r\"}"));

    assertThat(failed).hasMessage("provider down");
    assertThat(retried.replayed()).isFalse();
    assertThat(retried.body()).isEqualTo("{\"runId\":\"r\"}");
  }

  @Test
  void aClaimAbandonedByACrashHoldsUntilItsLeaseEndsThenARetryActs() {
    IdempotencyKeys keys = keys();
    IdempotencyKeys crashing = new CrashBeforeRelease(keys);
    assertThat(catchThrowableOfType(RuntimeException.class,
        () -> new Idempotency(crashing, clock).execute(member, key, "POST /runs", body, () -> {
          throw new IllegalStateException("function timed out");
        }))).hasMessage("function timed out");
    Idempotency idempotency = new Idempotency(keys, clock);

    clock.advance(Idempotency.LEASE.minusSeconds(1));
    ApiException held = catchThrowableOfType(ApiException.class,
        () -> idempotency.execute(member, key, "POST /runs", body, () -> new Idempotency.Answer(201, "{}")));
    clock.advance(Duration.ofSeconds(1));
    Idempotency.Outcome after =
        idempotency.execute(member, key, "POST /runs", body, () -> new Idempotency.Answer(201, "{\"runId\":\"r2\"}"));

    assertThat(held.problem().type().toString()).endsWith("/idempotency-key-in-progress");
    assertThat(after.replayed()).isFalse();
    assertThat(after.body()).isEqualTo("{\"runId\":\"r2\"}");
  }

  @Test
  void aKeyHeldForAnotherRequestIsRefusedAsReusedAndOtherTenantsAreUnaffected() {
    IdempotencyKeys keys = keys();
    assertThat(keys.claim(member.tenant(), key, "another-request", clock.instant(), Idempotency.LEASE))
        .isInstanceOf(IdempotencyKeys.Claim.Won.class);
    Idempotency idempotency = new Idempotency(keys, clock);

    ApiException reused = catchThrowableOfType(ApiException.class,
        () -> idempotency.execute(member, key, "POST /runs", body, () -> new Idempotency.Answer(201, "{}")));
    Idempotency.Outcome beta = idempotency.execute(caller(TenantId.of("beta"), Role.MEMBER), key, "POST /runs", body,
        () -> new Idempotency.Answer(201, "{\"runId\":\"b\"}"));

    assertThat(reused.problem().status()).isEqualTo(422);
    assertThat(beta.body()).isEqualTo("{\"runId\":\"b\"}");
    assertThat(keys.find(member.tenant(), key)).isEmpty();
  }

  /** A store whose release never happens, as when the function dies mid-request. */
  private record CrashBeforeRelease(IdempotencyKeys keys) implements IdempotencyKeys {
    @Override
    public Claim claim(TenantId tenant, String key, String requestHash, Instant now, Duration lease) {
      return keys.claim(tenant, key, requestHash, now, lease);
    }

    @Override
    public boolean complete(TenantId tenant, String key, String token, StoredResponse response) {
      return keys.complete(tenant, key, token, response);
    }

    @Override
    public void release(TenantId tenant, String key, String token) {
      throw new IllegalStateException("the function was gone before it could release its claim");
    }

    @Override
    public Optional<StoredResponse> find(TenantId tenant, String key) {
      return keys.find(tenant, key);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) throw new IllegalStateException("the duplicate request never answered");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
