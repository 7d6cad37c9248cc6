package dev.ltb.functions.graphql;

/** A few related fields' resolvers (runs, results, suites, ...), registered together. */
public interface ResolverGroup {
  void register(ResolverRegistry.Builder registry);
}
