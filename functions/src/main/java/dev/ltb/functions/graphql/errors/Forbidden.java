package dev.ltb.functions.graphql.errors;

/** The caller's role may not do this (see docs/security.md, the permission matrix). */
public final class Forbidden extends GraphqlException {
  public Forbidden(String message) {
    super(message);
  }
}
