package dev.ltb.functions.graphql;

/** Resolves one field for one call; the answer is serialized as the field's value (null allowed). */
@FunctionalInterface
public interface Resolver {
  Object resolve(ResolverCall call);
}
