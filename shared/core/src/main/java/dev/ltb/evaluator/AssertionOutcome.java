package dev.ltb.evaluator;

import java.util.List;

/**
 * How one entry of a test's {@code assert} list fared, after negation, as stored and reported.
 *
 * @param type the type as the suite wrote it ({@code not-contains}, {@code assert-set})
 * @param pass whether it passed
 * @param score in [0, 1]
 * @param reason what was observed
 * @param weight its weight in the test score
 * @param metric the named metric it reports under, or null
 * @param children for {@code assert-set}, the outcomes of its members; empty otherwise
 */
public record AssertionOutcome(
    String type, boolean pass, double score, String reason, double weight, String metric, List<AssertionOutcome> children) {

  public AssertionOutcome {
    children = children == null ? List.of() : List.copyOf(children);
  }
}
