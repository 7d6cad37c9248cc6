package dev.ltb.evaluator;

import java.util.Objects;

/**
 * What an evaluator is, for the registry, validation, docs and stored runs.
 *
 * @param id the assertion type as written in suites (kebab-case, without {@code not-})
 * @param version bumped when the scoring changes, recorded with every run so results can be compared
 * @param description one line for docs/evaluators.md
 * @param value what {@code value} takes (e.g. "string", "list of strings", "none")
 * @param valueRequired true when the assertion is meaningless without a value
 * @param defaultThreshold the threshold used when the suite sets none, or null when it takes none
 * @param needsJudge true for model-graded evaluators
 */
public record EvaluatorDescriptor(
    String id,
    String version,
    String description,
    String value,
    boolean valueRequired,
    Double defaultThreshold,
    boolean needsJudge) {

  public EvaluatorDescriptor {
    Objects.requireNonNull(id, "id");
    version = version == null ? "1" : version;
  }

  /** A deterministic evaluator with a required value and no threshold. */
  public static EvaluatorDescriptor simple(String id, String description, String value) {
    return new EvaluatorDescriptor(id, "1", description, value, true, null, false);
  }
}
