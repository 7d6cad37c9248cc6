package dev.ltb.webhook;

/**
 * A {@link RunStarter} could not start the run for a reason the sender can act on, e.g. the stored suite with the
 * hook's vars no longer validates. Carries the problem the API would answer, so a hook answers it the same way.
 *
 * @see dev.ltb.tenancy.QuotaExceededException for a refusal by the tenant's plan, which keeps its own type
 */
public final class RunStartRefusedException extends RuntimeException {

  private final int status;
  private final String type;

  /**
   * @param status the HTTP status, 4xx
   * @param type the stable problem type slug, e.g. {@code invalid-suite}
   * @param detail what was wrong, safe to answer
   */
  public RunStartRefusedException(int status, String type, String detail) {
    super(detail);
    if (status < 400 || status > 499) throw new IllegalArgumentException("a refusal is a 4xx status, was " + status);
    this.status = status;
    this.type = java.util.Objects.requireNonNull(type, "type");
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }
}
