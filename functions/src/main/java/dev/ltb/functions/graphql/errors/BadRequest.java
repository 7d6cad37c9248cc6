package dev.ltb.functions.graphql.errors;

/** The request is invalid: an argument is missing, malformed or out of range; the message names it. */
public final class BadRequest extends GraphqlException {
  public BadRequest(String message) {
    super(message);
  }
}
