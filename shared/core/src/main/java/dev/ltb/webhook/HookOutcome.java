package dev.ltb.webhook;

/** What {@code POST /hooks/{tenant}/{hook}} answers. */
public sealed interface HookOutcome {

  /** HTTP status to answer with. */
  int status();

  /** A run was started (202): the body carries the run id. */
  record Started(String runId) implements HookOutcome {
    public int status() {
      return 202;
    }
  }

  /** Acknowledged, nothing started (200), e.g. GitHub's {@code ping} or an event the hook does not take. */
  record Ignored(String reason) implements HookOutcome {
    public int status() {
      return 200;
    }
  }

  /**
   * Refused, nothing started or stored.
   *
   * @param status 400 malformed, 401 signature, 409 replay, 413 too large, 429 quota
   * @param type stable problem type for RFC 9457 answers, e.g. {@code invalid-signature}
   * @param detail what was wrong, safe to return
   */
  record Rejected(int status, String type, String detail) implements HookOutcome {}
}
