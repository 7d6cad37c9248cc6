package dev.ltb.api;

import dev.ltb.api.IdempotencyKeys.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for every POST: the first answer of a key is kept and replayed to every retry with the same
 * request; the same key with a different request (other path or body) is refused with {@link
 * ProblemType#IDEMPOTENCY_KEY_REUSED}. Failed calls keep nothing, so a retry after an error runs again.
 */
public final class Idempotency {

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
   * Runs {@code action} unless {@code key} already has an answer for this request.
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
    Optional<StoredResponse> earlier = keys.find(caller.tenant(), key);
    if (earlier.isPresent()) return replay(earlier.get(), hash);
    Answer answer = action.get();
    StoredResponse kept =
        keys.putIfAbsent(caller.tenant(), key, new StoredResponse(hash, answer.status(), answer.body(), clock.instant()));
    if (kept.requestHash().equals(hash) && kept.body().equals(answer.body()))
      return new Outcome(answer.status(), answer.body(), false);
    return replay(kept, hash);
  }

  private static Outcome replay(StoredResponse stored, String hash) {
    if (!stored.requestHash().equals(hash))
      throw new ApiException(
          ProblemType.IDEMPOTENCY_KEY_REUSED,
          "this Idempotency-Key was first used with a different request; use a new key for a new request");
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
