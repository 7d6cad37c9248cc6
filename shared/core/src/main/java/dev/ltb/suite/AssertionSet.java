package dev.ltb.suite;

import java.util.List;

/**
 * An {@code assert-set}: a group of assertions scored together. Without a threshold the set passes when
 * every child passes; with one, when the weighted mean of the children's scores reaches it.
 */
public record AssertionSet(List<AssertionSpec> asserts, Double threshold, double weight, String metric)
    implements AssertionSpec {

  public AssertionSet {
    asserts = List.copyOf(asserts);
    if (asserts.isEmpty()) throw new IllegalArgumentException("assert-set needs at least one assertion");
    if (weight < 0) throw new IllegalArgumentException("assert-set weight must be >= 0, was " + weight);
  }
}
