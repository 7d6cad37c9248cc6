package dev.ltb.tenancy;

/**
 * An id from outside (a path segment, a query parameter, a claim) that does not have the expected form. The
 * message names the field and shows a sanitized excerpt of the value, so it is safe to return and to log.
 */
public final class InvalidIdException extends IllegalArgumentException {

  private final String field;

  public InvalidIdException(String field, String value, String expected) {
    super("invalid " + field + " " + Ids.describe(value) + ": expected " + expected);
    this.field = field;
  }

  /** The field whose value was rejected, e.g. {@code tenant} or {@code runId}. */
  public String field() {
    return field;
  }
}
