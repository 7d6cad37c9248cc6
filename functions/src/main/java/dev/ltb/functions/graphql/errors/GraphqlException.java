package dev.ltb.functions.graphql.errors;

/**
 * An error a GraphQL client sees. Thrown from a direct Lambda resolver, it becomes the invocation's error:
 * AppSync puts its message in {@code errors[].message} and the Lambda runtime's {@code errorType} (this
 * exception's class name, e.g. {@code dev.ltb.functions.graphql.errors.NotFound}) in {@code errors[].errorType}.
 * Clients match on the simple name after the last dot; {@link #type()} gives it.
 */
public abstract sealed class GraphqlException extends RuntimeException
    permits BadRequest, Unauthorized, Forbidden, NotFound, Conflict, QuotaExceeded, Unavailable, Internal {

  protected GraphqlException(String message) {
    super(message, null, false, false);
  }

  /** The stable error type: the simple class name. */
  public String type() {
    return getClass().getSimpleName();
  }
}
