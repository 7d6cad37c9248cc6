package dev.ltb.functions.graphql;

import dev.ltb.functions.graphql.errors.GraphqlException;
import dev.ltb.functions.graphql.errors.Internal;

final class GraphqlErrors {
  private GraphqlErrors() {}

  static GraphqlException map(RuntimeException e, FieldRef field, String requestId) {
    if (e instanceof GraphqlException known) return known;
    return new Internal("internal error resolving " + field + "; report request id " + requestId);
  }
}
