package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.metric.Bleu;
import dev.ltb.evaluator.metric.BleuScore;
import dev.ltb.suite.Assertion;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bleu}: sentence BLEU of the output against the reference(s), with sacreBLEU's
 * {@code sentence_bleu} defaults (13a tokenizer, case-sensitive, exp smoothing, 4-grams, effective order).
 * Config: {@code tokenize} (13a, intl, char, none), {@code lowercase}, {@code smooth} (exp, floor, add-k,
 * none), {@code smoothValue}, {@code maxOrder}, {@code effectiveOrder}.
 */
public final class BleuEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "bleu",
          "1",
          "BLEU (sacreBLEU sentence BLEU, 0-1) of the output against reference texts is at least the threshold",
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
    Bleu.Smoothing smoothing;
    try {
      smoothing = Bleu.Smoothing.byId(config.text("smooth", "exp"));
    } catch (IllegalArgumentException e) {
      throw new EvaluationException("bleu config smooth: " + e.getMessage());
    }
    Double smoothValue = optionalSmoothValue(config);
    Bleu.Options options =
        new Bleu.Options(
            config.tokenizer("13a"),
            config.flag("lowercase", false),
            smoothing,
            smoothValue,
            config.integer("maxOrder", 4, 1, 9),
            config.flag("effectiveOrder", true));
    BleuScore score;
    try {
      score = new Bleu(options).sentenceScore(context.output(), ReferenceTexts.of(assertion));
    } catch (IllegalArgumentException e) {
      throw new EvaluationException(e.getMessage());
    }
    Map<String, Double> named = new LinkedHashMap<>();
    named.put("bleu.bp", score.brevityPenalty());
    for (int n = 1; n <= score.precisions().length; n++) named.put("bleu.p" + n, score.precisions()[n - 1]);
    return Verdicts.atLeast("BLEU", score.score(), Verdicts.threshold(assertion, DESCRIPTOR), named);
  }

  private static Double optionalSmoothValue(MetricOptions config) {
    double value = config.number("smoothValue", -1, 0, 100);
    return value < 0 ? null : value;
  }
}
