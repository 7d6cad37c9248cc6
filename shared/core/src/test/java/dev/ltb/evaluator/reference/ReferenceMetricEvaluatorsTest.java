package dev.ltb.evaluator.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ltb.evaluator.Evaluator;
import org.junit.jupiter.api.Test;

class ReferenceMetricEvaluatorsTest {

  // Defaults: promptfoo's for bleu, gleu, meteor (0.5) and rouge-n (0.75), as in its src/assertions/*.ts;
  // ours elsewhere, documented in docs/evaluators-metrics.md.
  @Test
  void listsEveryMetricWithItsDefaultThreshold() {
    assertThat(ReferenceMetricEvaluators.all())
        .extracting(Evaluator::descriptor)
        .extracting(d -> d.id(), d -> d.defaultThreshold(), d -> d.valueRequired(), d -> d.needsJudge())
        .containsExactly(
            tuple("bleu", 0.5, true, false),
            tuple("gleu", 0.5, true, false),
            tuple("meteor", 0.5, true, false),
            tuple("rouge-n", 0.75, true, false),
            tuple("rouge-l", 0.75, true, false),
            tuple("chrf", 0.5, true, false),
            tuple("f1", 0.5, true, false),
            tuple("exact-match", null, true, false),
            tuple("wer", 0.3, true, false),
            tuple("cer", 0.3, true, false));
  }
}
