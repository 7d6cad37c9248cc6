package dev.ltb.functions.graphql.errors;

/** No such resource in the caller's tenant; another tenant's id answers exactly the same. */
public final class NotFound extends GraphqlException {
  public NotFound(String message) {
    super(message);
  }
}
