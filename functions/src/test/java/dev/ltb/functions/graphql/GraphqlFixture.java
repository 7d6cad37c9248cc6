package dev.ltb.functions.graphql;

import java.util.Set;

final class GraphqlFixture {
  static Set<String> registryFields() {
    return Set.of();
  }
}
