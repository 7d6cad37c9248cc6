package dev.ltb.evaluator.reference;

import static dev.ltb.evaluator.reference.MetricAssertions.assertEvaluates;
import static dev.ltb.evaluator.reference.MetricAssertions.assertion;
import static dev.ltb.evaluator.reference.MetricAssertions.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.suite.Assertion;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BleuEvaluatorTest {

  private final BleuEvaluator evaluator = new BleuEvaluator();

  private static final String REF = "producţia de zahăr brut se exprimă în zahăr alb;";
  private static final String SYS = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

  private static Map<String, Double> named(double bp, double p1, double p2, double p3, double p4) {
    return Map.of("bleu.bp", bp, "bleu.p1", p1, "bleu.p2", p2, "bleu.p3", p3, "bleu.p4", p4);
  }

  // Scores from mjpost/sacrebleu test/test_sentence_bleu.py (8.493, and 42.0267 with lowercase + char);
  // precisions, the multi-reference and the empty-output rows computed with sacrebleu 2.6.0
  // sentence_score(effective_order=True).
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(SYS, assertion("bleu", '"' + REF + '"', null, null),
            result(false, 0.08493098745313148, "BLEU 0.085 is below the threshold 0.5",
                named(1.0, 5 / 14.0, 2 / 13.0, 1 / 24.0, 1 / 44.0))),
        Arguments.of(SYS, assertion("bleu", '"' + REF + '"', 0.4, "{tokenize: char, lowercase: true}"),
            result(true, 0.4202678206410298, "BLEU 0.420 meets the threshold 0.4",
                named(1.0, 0.6065573770491803, 0.5, 0.3728813559322034, 0.27586206896551724))),
        Arguments.of("The cat sat on the mat.", assertion("bleu", "The cat sat on the mat.", null, null),
            result(true, 1.0, "BLEU 1.000 meets the threshold 0.5", named(1, 1, 1, 1, 1))),
        Arguments.of("The cat is on the mat.",
            assertion("bleu", "[There is a cat on the mat., The cat sat on the mat.]", null, null),
            result(true, 0.508132748154615, "BLEU 0.508 meets the threshold 0.5", named(1, 1, 2 / 3.0, 0.4, 0.25))),
        Arguments.of("", assertion("bleu", "a test", null, null),
            result(false, 0.0, "BLEU 0.000 is below the threshold 0.5", named(0, 0, 0, 0, 0))));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresTheOutputAgainstTheReferences(String output, Assertion assertion, EvaluationResult expected) {
    assertEvaluates(evaluator, assertion, output, expected);
  }

  static Stream<Arguments> badAssertions() {
    return Stream.of(
        Arguments.of(assertion("bleu", null, null, null),
            "bleu needs a value: the reference text, or a list of reference texts"),
        Arguments.of(assertion("bleu", "[]", null, null),
            "bleu needs a value: the reference text, or a list of reference texts"),
        Arguments.of(assertion("bleu", "[a, {b: c}]", null, null),
            "bleu value must list reference texts, but an item is object"),
        Arguments.of(assertion("bleu", "['', '']", null, null), "BLEU needs at least one non-empty reference"),
        Arguments.of(assertion("bleu", "x", null, "{smooth: laplace}"),
            "bleu config smooth: unknown smoothing \"laplace\"; use one of exp, floor, add-k, none"),
        Arguments.of(assertion("bleu", "x", null, "{tokenize: moses}"),
            "bleu config tokenize: unknown tokenizer \"moses\"; use one of 13a, intl, char, none"),
        Arguments.of(assertion("bleu", "x", null, "{maxOrder: 0}"),
            "bleu config maxOrder must be a whole number from 1 to 9, was 0"));
  }

  @ParameterizedTest
  @MethodSource("badAssertions")
  void badAssertionsFailWithAnActionableMessage(Assertion assertion, String message) {
    assertThatThrownBy(() -> evaluator.evaluate(assertion, EvaluationContext.ofOutput("x")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  @Test
  void describesItselfWithPromptfoosDefaultThreshold() {
    assertThat(evaluator.descriptor().id()).isEqualTo("bleu");
    assertThat(evaluator.descriptor().defaultThreshold()).isEqualTo(0.5);
    assertThat(evaluator.descriptor().needsJudge()).isFalse();
  }
}
