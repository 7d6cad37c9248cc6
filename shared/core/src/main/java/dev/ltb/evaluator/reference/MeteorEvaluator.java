package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.metric.BleuTokenizer;
import dev.ltb.evaluator.metric.Meteor;
import dev.ltb.evaluator.metric.MeteorScore;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.Map;

/**
 * {@code meteor}: METEOR as NLTK's {@code meteor_score} (lowercased exact and Porter-stem alignment,
 * α = 0.9, β = 3, γ = 0.5, best reference) without NLTK's WordNet synonym stage, which needs data that is
 * not available offline: outputs that only match a reference through synonyms score lower than in NLTK.
 * Texts are tokenized with sacreBLEU's 13a tokenizer. Config: {@code tokenize}, {@code alpha}, {@code beta},
 * {@code gamma}.
 */
public final class MeteorEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "meteor",
          "1",
          "METEOR (NLTK meteor_score without WordNet synonyms) of the output against reference texts is at"
              + " least the threshold",
          "string or list of strings (reference texts)",
          true,
          0.5,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    MetricOptions config = new MetricOptions(assertion);
    BleuTokenizer tokenizer = config.tokenizer("13a");
    Meteor meteor =
        new Meteor(
            config.number("alpha", 0.9, 0, 1),
            config.number("beta", 3.0, 0, 100),
            config.number("gamma", 0.5, 0, 1));
    List<List<String>> references =
        ReferenceTexts.of(assertion).stream().map(reference -> tokenizer.tokenize(reference, false)).toList();
    MeteorScore score = meteor.score(tokenizer.tokenize(context.output(), false), references);
    return Verdicts.atLeast(
        "METEOR",
        score.score(),
        Verdicts.threshold(assertion, DESCRIPTOR),
        Map.of(
            "meteor.precision", score.precision(),
            "meteor.recall", score.recall(),
            "meteor.penalty", score.penalty()));
  }
}
