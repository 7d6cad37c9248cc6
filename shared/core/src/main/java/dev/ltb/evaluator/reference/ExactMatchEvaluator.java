package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.metric.SquadAnswer;
import dev.ltb.suite.Assertion;
import java.util.List;

/**
 * {@code exact-match}: the output equals one of the reference answers after SQuAD v1.1 normalization
 * (lowercase, no punctuation, no articles a/an/the, single spaces). Unlike {@code equals}, "The Eiffel
 * Tower." matches "eiffel tower". Takes no threshold.
 */
public final class ExactMatchEvaluator implements Evaluator {

  private static final int SHOWN = 80;

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "exact-match",
          "1",
          "The output equals a reference answer after SQuAD normalization (case, punctuation, articles, spaces)",
          "string or list of strings (reference answers)",
          true,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    List<String> references = ReferenceTexts.of(assertion);
    String normalized = SquadAnswer.normalize(context.output());
    String observed = "normalized output \"" + shown(normalized) + "\"";
    for (String reference : references) {
      if (SquadAnswer.normalize(reference).equals(normalized))
        return EvaluationResult.of(true, observed + " matches the reference \"" + shown(reference) + "\"");
    }
    String reason =
        references.size() == 1
            ? observed + " differs from the reference \"" + shown(references.get(0)) + "\""
            : observed + " matches none of " + references.size() + " references";
    return EvaluationResult.of(false, reason);
  }

  private static String shown(String text) {
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
  }
}
