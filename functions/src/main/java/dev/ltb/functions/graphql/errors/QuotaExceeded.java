package dev.ltb.functions.graphql.errors;

/** The tenant's plan does not allow more right now; the message says which limit and when it resets. */
public final class QuotaExceeded extends GraphqlException {
  public QuotaExceeded(String message) {
    super(message);
  }
}
