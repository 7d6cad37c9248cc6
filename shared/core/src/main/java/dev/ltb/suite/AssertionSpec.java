package dev.ltb.suite;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** An entry of a test's {@code assert} list: a single assertion or a weighted set of them. */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(Assertion.class), @JsonSubTypes.Type(AssertionSet.class)})
public sealed interface AssertionSpec permits Assertion, AssertionSet {

  /** Weight of this entry in the test's score; 0 makes it informational (it never fails the test). */
  double weight();

  /** Named metric this entry's score is reported under, or null. */
  String metric();
}
