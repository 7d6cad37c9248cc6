package dev.ltb.functions.graphql.errors;

/** A dependency is unavailable; retrying later may succeed. */
public final class Unavailable extends GraphqlException {
  public Unavailable(String message) {
    super(message);
  }
}
