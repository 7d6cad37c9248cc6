package dev.ltb.functions.graphql.errors;

/** Something failed that the caller cannot fix; the message carries the request id to report. */
public final class Internal extends GraphqlException {
  public Internal(String message) {
    super(message);
  }
}
