package dev.ltb.analysis;

import java.util.Comparator;
import java.util.Objects;

/**
 * What makes two items "the same case" for pairing: a test, a prompt and a repetition. Within a run the test
 * is its index and the prompt its id; across runs the test is a hash of its description and vars and the
 * prompt its label (see {@link PairedSamples}).
 */
record CaseKey(String test, String prompt, int repeat) implements Comparable<CaseKey> {

  private static final Comparator<CaseKey> ORDER =
      Comparator.comparing(CaseKey::test).thenComparing(CaseKey::prompt).thenComparingInt(CaseKey::repeat);

  CaseKey {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(prompt, "prompt");
  }

  /** The case without its repetition: what a user calls "a test with a prompt". */
  CaseKey withoutRepeat() {
    return repeat == 0 ? this : new CaseKey(test, prompt, 0);
  }

  @Override
  public int compareTo(CaseKey other) {
    return ORDER.compare(this, other);
  }
}
