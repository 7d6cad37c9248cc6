package dev.ltb.evaluator.text;

import static dev.ltb.evaluator.Reasons.quote;
import static dev.ltb.evaluator.Reasons.quoteAll;

import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.Locale;

/**
 * The substring checks behind the contains family, case-sensitive or not (promptfoo lower-cases
 * both sides).
 */
final class SubstringChecks {

  private final boolean ignoreCase;

  private SubstringChecks(boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
  }

  static SubstringChecks caseSensitive() {
    return new SubstringChecks(false);
  }

  static SubstringChecks ignoringCase() {
    return new SubstringChecks(true);
  }

  EvaluationResult containsOne(Assertion assertion, String output) {
    String expected = AssertionValues.text(assertion);
    boolean pass = contains(output, expected);
    return EvaluationResult.of(
        pass, (pass ? "output contains " : "output does not contain ") + quote(expected) + note());
  }

  EvaluationResult containsAny(Assertion assertion, String output) {
    List<String> expected = AssertionValues.texts(assertion);
    return expected.stream()
        .filter(text -> contains(output, text))
        .findFirst()
        .map(
            found ->
                EvaluationResult.of(
                    true,
                    "output contains " + quote(found) + ", one of " + quoteAll(expected) + note()))
        .orElseGet(
            () ->
                EvaluationResult.of(
                    false, "output contains none of " + quoteAll(expected) + note()));
  }

  EvaluationResult containsAll(Assertion assertion, String output) {
    List<String> expected = AssertionValues.texts(assertion);
    List<String> missing = expected.stream().filter(text -> !contains(output, text)).toList();
    if (missing.isEmpty())
      return EvaluationResult.of(true, "output contains all of " + quoteAll(expected) + note());
    return EvaluationResult.of(
        false, "output is missing " + quoteAll(missing) + " of " + quoteAll(expected) + note());
  }

  private boolean contains(String output, String text) {
    return ignoreCase
        ? output.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))
        : output.contains(text);
  }

  private String note() {
    return ignoreCase ? " (ignoring case)" : "";
  }
}
