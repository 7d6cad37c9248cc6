package dev.ltb.functions.graphql.errors;

/** No usable identity: the caller's token or key did not name a tenant and role. */
public final class Unauthorized extends GraphqlException {
  public Unauthorized(String message) {
    super(message);
  }
}
