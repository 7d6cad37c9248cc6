package dev.ltb.functions.graphql.errors;

/** The resource is not in a state that allows this (e.g. deleting a running run). */
public final class Conflict extends GraphqlException {
  public Conflict(String message) {
    super(message);
  }
}
