package dev.ltb.functions.graphql;

import java.util.List;

/**
 * Resolves one field for many parents at once (AppSync {@code BatchInvoke}: the event is a JSON array, the
 * answer a list of the same length and order). Saves an invocation per parent, and lets the resolver read what
 * the parents need together.
 */
@FunctionalInterface
public interface BatchResolver {
  List<?> resolve(List<ResolverCall> calls);
}
