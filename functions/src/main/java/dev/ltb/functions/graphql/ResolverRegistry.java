package dev.ltb.functions.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which resolver answers which field ({@code info.parentTypeName} + {@code info.fieldName}). Built once from
 * explicit {@link ResolverGroup}s; the schema test checks that every Query and Mutation field of {@code
 * docs/api/schema.graphql} (except the IAM publish mutations) is here, and nothing else.
 */
public final class ResolverRegistry {

  private final Map<FieldRef, Resolver> single;
  private final Map<FieldRef, BatchResolver> batch;

  private ResolverRegistry(Map<FieldRef, Resolver> single, Map<FieldRef, BatchResolver> batch) {
    this.single = Collections.unmodifiableMap(single);
    this.batch = Collections.unmodifiableMap(batch);
  }

  public static ResolverRegistry of(List<? extends ResolverGroup> groups) {
    Builder builder = new Builder();
    groups.forEach(group -> group.register(builder));
    return new ResolverRegistry(builder.single, builder.batch);
  }

  public Optional<Resolver> resolver(FieldRef field) {
    return Optional.ofNullable(single.get(field));
  }

  /** The batch resolver of a field; a field with only a single resolver is batched one call at a time. */
  public Optional<BatchResolver> batchResolver(FieldRef field) {
    BatchResolver resolver = batch.get(field);
    if (resolver != null) return Optional.of(resolver);
    Resolver one = single.get(field);
    return one == null ? Optional.empty() : Optional.of(calls -> calls.stream().map(one::resolve).toList());
  }

  /** Every field with a resolver. */
  public Set<FieldRef> fields() {
    Set<FieldRef> all = new java.util.LinkedHashSet<>(single.keySet());
    all.addAll(batch.keySet());
    return Collections.unmodifiableSet(all);
  }

  /** Fields resolved in batches (the CDK sets maxBatchSize on their resolvers). */
  public Set<FieldRef> batchFields() {
    return batch.keySet();
  }

  /** Collects the groups' registrations; a field registered twice is a programming error. */
  public static final class Builder {
    private final Map<FieldRef, Resolver> single = new LinkedHashMap<>();
    private final Map<FieldRef, BatchResolver> batch = new LinkedHashMap<>();

    private Builder() {}

    public Builder field(FieldRef field, Resolver resolver) {
      if (single.containsKey(field) || batch.containsKey(field))
        throw new IllegalStateException(field + " has two resolvers");
      single.put(field, resolver);
      return this;
    }

    public Builder query(String field, Resolver resolver) {
      return field(FieldRef.query(field), resolver);
    }

    public Builder mutation(String field, Resolver resolver) {
      return field(FieldRef.mutation(field), resolver);
    }

    public Builder batch(FieldRef field, BatchResolver resolver) {
      if (single.containsKey(field) || batch.containsKey(field))
        throw new IllegalStateException(field + " has two resolvers");
      batch.put(field, resolver);
      return this;
    }
  }
}
