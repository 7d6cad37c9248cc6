package dev.ltb.api;

import dev.ltb.api.IdempotencyKeys.Claim;
import dev.ltb.api.IdempotencyKeys.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} for every POST: the first answer of a key is kept and replayed to every retry with the same
 * request; the same key with a different request (other path or body) is refused with {@link
 * ProblemType#IDEMPOTENCY_KEY_REUSED}. The first request claims its key before acting, so a duplicate sent while it
 * is still acting gets {@link ProblemType#IDEMPOTENCY_KEY_IN_PROGRESS} (409, {@code Retry-After}) instead of acting
 * twice. Failed calls keep nothing, so a retry after an error runs again; a claim left by a crashed function lapses
 * after {@link #LEASE}.
 */
public final class Idempotency {

  /**
   * How long a claim holds without an answer: longer than the API functions' timeout (29 s), so a live request never
   * loses its claim, yet short enough that a retry after a crash soon acts again.
   */
  public static final Duration LEASE = Duration.ofSeconds(60);

  /** What a duplicate sent during the first request is told to wait, in seconds. */
  public static final int RETRY_AFTER_SECONDS = 1;

  private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

  /** The answer and whether it was replayed. */
  public record Outcome(int status, String body, boolean replayed) {}

  /** What the action answered: a status and a JSON body. */
  public record Answer(int status, String body) {}

  private final IdempotencyKeys keys;
  private final Clock clock;

  public Idempotency(IdempotencyKeys keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs {@code action} unless {@code key} already has an answer for this request or another request holds it.
   *
   * @param key the Idempotency-Key header, or null to run without one
   * @param operation what is asked, e.g. {@code POST /runs}
   * @param body the request body as received
   */
  public Outcome execute(Caller caller, String key, String operation, byte[] body, Supplier<Answer> action) {
    if (key == null) {
      Answer answer = action.get();
      return new Outcome(answer.status(), answer.body(), false);
    }
    if (!KEY.matcher(key).matches())
      throw ApiException.invalidField("Idempotency-Key", "must be 1-255 visible ASCII characters");
    String hash = hash(operation, body);
    return switch (keys.claim(caller.tenant(), key, hash, clock.instant(), LEASE)) {
      case Claim.Answered answered -> replay(answered.response(), hash);
      case Claim.InProgress other -> throw other.requestHash().equals(hash) ? inProgress() : reused();
      case Claim.Won won -> act(caller, key, hash, won.token(), action);
    };
  }

  private Outcome act(Caller caller, String key, String hash, String token, Supplier<Answer> action) {
    Answer answer;
    try {
      answer = action.get();
    } catch (RuntimeException | Error e) {
      try {
        keys.release(caller.tenant(), key, token);
      } catch (RuntimeException releaseFailed) {
        e.addSuppressed(releaseFailed); // the claim lapses after its lease
      }
      throw e;
    }
    try {
      if (!keys.complete(caller.tenant(), key, token, new StoredResponse(hash, answer.status(), answer.body(),
          clock.instant())))
        LOG.warn("the claim of an Idempotency-Key lapsed before its answer was stored; a retry may act again");
    } catch (RuntimeException e) {
      // The action happened: answering with an error would invite the retry that acts twice.
      LOG.warn("could not store the answer of an Idempotency-Key; its claim lapses after {}", LEASE, e);
    }
    return new Outcome(answer.status(), answer.body(), false);
  }

  private static ApiException inProgress() {
    ProblemType type = ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS;
    return new ApiException(new Problem(type.uri(), type.title(), type.status(),
        "a request with this Idempotency-Key is still being processed; retry after " + RETRY_AFTER_SECONDS
            + " s to get its answer",
        List.of(), Map.of(Problem.RETRY_AFTER_SECONDS, RETRY_AFTER_SECONDS)));
  }

  private static ApiException reused() {
    return new ApiException(
        ProblemType.IDEMPOTENCY_KEY_REUSED,
        "this Idempotency-Key was first used with a different request; use a new key for a new request");
  }

  private static Outcome replay(StoredResponse stored, String hash) {
    if (!stored.requestHash().equals(hash)) throw reused();
    return new Outcome(stored.status(), stored.body(), true);
  }

  static String hash(String operation, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(operation.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(body == null ? new byte[0] : body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
