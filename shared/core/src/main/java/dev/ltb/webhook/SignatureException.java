package dev.ltb.webhook;

/** A webhook signature that is missing, unreadable, wrong or too old. Never contains the secret or the body. */
public final class SignatureException extends RuntimeException {

  /** What was wrong. */
  public enum Reason {
    MISSING,
    MALFORMED,
    MISMATCH,
    STALE
  }

  private final Reason reason;

  public SignatureException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
