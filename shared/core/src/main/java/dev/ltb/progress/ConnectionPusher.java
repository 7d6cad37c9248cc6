package dev.ltb.progress;

/** Port: sends one text message to an open connection (API Gateway's Management API in AWS). */
@FunctionalInterface
public interface ConnectionPusher {

  /** What became of a push. */
  enum Result {
    DELIVERED,
    /** The connection is closed (HTTP 410): the caller forgets it. */
    GONE
  }

  /**
   * @throws RuntimeException when the push failed for another reason (throttled, unreachable): the message
   *     may be retried
   */
  Result push(String connectionId, String message);
}
