package dev.ltb.functions.graphql;

import dev.ltb.api.Caller;

/** The use cases' {@link Caller} of a resolver call. */
final class Callers {
  private Callers() {}

  static Caller of(ResolverCall call) {
    return new Caller(call.principal(), call.request());
  }
}
