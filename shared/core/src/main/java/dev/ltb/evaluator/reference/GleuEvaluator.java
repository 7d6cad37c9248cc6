package dev.ltb.evaluator.reference;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.metric.BleuTokenizer;
import dev.ltb.evaluator.metric.Gleu;
import dev.ltb.evaluator.metric.GleuScore;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.Map;

/**
 * {@code gleu}: Google-BLEU as NLTK's {@code sentence_gleu} (min of n-gram precision and recall over 1- to
 * 4-grams, best reference). NLTK leaves tokenization to the caller; here the texts are tokenized with
 * sacreBLEU's 13a tokenizer so punctuation does not stick to words. Config: {@code tokenize} (13a, intl,
 * char, none = split on whitespace only), {@code lowercase}, {@code minOrder}, {@code maxOrder}.
 */
public final class GleuEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "gleu",
          "1",
          "Google-BLEU (NLTK sentence_gleu) of the output against reference texts is at least the threshold",
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
    boolean lowercase = config.flag("lowercase", false);
    int minOrder = config.integer("minOrder", 1, 1, 9);
    int maxOrder = config.integer("maxOrder", 4, minOrder, 9);
    List<List<String>> references =
        ReferenceTexts.of(assertion).stream().map(reference -> tokenizer.tokenize(reference, lowercase)).toList();
    GleuScore score =
        new Gleu(minOrder, maxOrder).sentenceScore(tokenizer.tokenize(context.output(), lowercase), references);
    return Verdicts.atLeast("GLEU", score.score(), Verdicts.threshold(assertion, DESCRIPTOR), Map.of());
  }
}
