package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.Evaluator;
import java.util.List;

/** The reference-based text metric evaluators, for the evaluator registry's explicit list. */
public final class ReferenceMetricEvaluators {

  private ReferenceMetricEvaluators() {}

  public static List<Evaluator> all() {
    return List.of(
        new BleuEvaluator(),
        new GleuEvaluator(),
        new MeteorEvaluator(),
        new RougeNEvaluator(),
        new RougeLEvaluator(),
        new ChrfEvaluator(),
        new F1Evaluator(),
        new ExactMatchEvaluator(),
        new WerEvaluator(),
        new CerEvaluator());
  }
}
