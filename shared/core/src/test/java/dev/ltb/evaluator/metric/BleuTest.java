package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ltb.evaluator.metric.Bleu.Options;
import dev.ltb.evaluator.metric.Bleu.Smoothing;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reference values from sacreBLEU's own tests; sacreBLEU prints 100 × our score. */
class BleuTest {

  private static final double TOLERANCE = 1e-4;

  // mjpost/sacrebleu test/test_sentence_bleu.py: the example of issue #98 (Romanian, note ţ vs ț).
  private static final String REF = "producţia de zahăr brut se exprimă în zahăr alb;";
  private static final String SYS = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

  private static Options sentence(Smoothing smoothing, Double value, boolean lowercase, String tokenizer) {
    return new Options(BleuTokenizer.byId(tokenizer), lowercase, smoothing, value, 4, true);
  }

  // mjpost/sacrebleu test/test_sentence_bleu.py, test_cases (effective_order=True).
  static Stream<Arguments> sacrebleuSentenceCases() {
    return Stream.of(
        Arguments.of(sentence(Smoothing.EXP, null, false, "13a"), 8.493),
        Arguments.of(sentence(Smoothing.NONE, null, false, "13a"), 0.0),
        Arguments.of(sentence(Smoothing.FLOOR, null, false, "13a"), 4.51688),
        Arguments.of(sentence(Smoothing.FLOOR, 0.1, false, "13a"), 4.51688),
        Arguments.of(sentence(Smoothing.FLOOR, 0.5, false, "13a"), 10.10),
        Arguments.of(sentence(Smoothing.ADD_K, null, false, "13a"), 14.882),
        Arguments.of(sentence(Smoothing.ADD_K, 1.0, false, "13a"), 14.882),
        Arguments.of(sentence(Smoothing.ADD_K, 2.0, false, "13a"), 21.389),
        Arguments.of(sentence(Smoothing.EXP, null, false, "none"), 7.347),
        Arguments.of(sentence(Smoothing.EXP, null, false, "intl"), 8.493),
        Arguments.of(sentence(Smoothing.EXP, null, false, "char"), 40.8759),
        Arguments.of(sentence(Smoothing.EXP, null, true, "char"), 42.0267));
  }

  @ParameterizedTest
  @MethodSource("sacrebleuSentenceCases")
  void sentenceBleuMatchesSacrebleuOnUnicodeText(Options options, double sacrebleuScore) {
    assertThat(new Bleu(options).sentenceScore(SYS, List.of(REF)).score()).isCloseTo(sacrebleuScore / 100, within(TOLERANCE));
  }

  // mjpost/sacrebleu test/test_sentence_bleu.py, test_cases_zero_bleu (issue #141): no match at all is 0
  // whatever the smoothing.
  @ParameterizedTest
  @MethodSource("zeroBleuSmoothings")
  void noMatchingUnigramIsZeroWhateverTheSmoothing(Smoothing smoothing, Double value) {
    Options options = new Options(BleuTokenizer.THIRTEEN_A, false, smoothing, value, 4, true);
    assertThat(new Bleu(options).sentenceScore("this is a cat", List.of("okay thanks")).score()).isZero();
  }

  static Stream<Arguments> zeroBleuSmoothings() {
    return Stream.of(
        Arguments.of(Smoothing.EXP, null),
        Arguments.of(Smoothing.NONE, null),
        Arguments.of(Smoothing.FLOOR, null),
        Arguments.of(Smoothing.FLOOR, 0.1),
        Arguments.of(Smoothing.ADD_K, null),
        Arguments.of(Smoothing.ADD_K, 1.0));
  }

  // mjpost/sacrebleu test/test_bleu.py: the README example, two reference streams.
  private static final List<String> HYPS =
      List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
  private static final List<List<String>> REFS =
      List.of(
          List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
          List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."));

  // mjpost/sacrebleu test/test_bleu.py, test_corpus_bleu_cases (corpus_bleu defaults, exp smoothing).
  static Stream<Arguments> corpusCases() {
    Options defaults = Options.corpusDefaults();
    return Stream.of(
        Arguments.of(HYPS, defaults, 48.530827),
        Arguments.of(List.of("", "", ""), defaults, 0.0),
        Arguments.of(HYPS, withTokenizer(defaults, BleuTokenizer.NONE), 49.1919566),
        Arguments.of(HYPS, withTokenizer(defaults, BleuTokenizer.THIRTEEN_A), 48.530827),
        Arguments.of(HYPS, withTokenizer(defaults, BleuTokenizer.INTL), 43.91623493),
        Arguments.of(HYPS, new Options(BleuTokenizer.THIRTEEN_A, false, Smoothing.NONE, null, 4, false), 48.530827));
  }

  private static Options withTokenizer(Options options, BleuTokenizer tokenizer) {
    return new Options(tokenizer, options.lowercase(), options.smoothing(), options.smoothValue(), options.maxOrder(),
        options.effectiveOrder());
  }

  @ParameterizedTest
  @MethodSource("corpusCases")
  void corpusBleuMatchesSacrebleu(List<String> hypotheses, Options options, double sacrebleuScore) {
    assertThat(new Bleu(options).corpusScore(hypotheses, REFS).score()).isCloseTo(sacrebleuScore / 100, within(TOLERANCE));
  }

  // mjpost/sacrebleu test/test_bleu.py, test_bleu_max_order (published to two decimals).
  @ParameterizedTest
  @MethodSource("maxOrderCases")
  void maxNgramOrderChangesTheScoreAsInSacrebleu(int maxOrder, double sacrebleuScore) {
    Options options = new Options(BleuTokenizer.THIRTEEN_A, false, Smoothing.EXP, null, maxOrder, false);
    assertThat(new Bleu(options).corpusScore(HYPS, REFS).score()).isCloseTo(sacrebleuScore / 100, within(TOLERANCE));
  }

  static Stream<Arguments> maxOrderCases() {
    return Stream.of(
        Arguments.of(1, 77.65), Arguments.of(2, 60.50), Arguments.of(3, 53.93), Arguments.of(4, 48.53),
        Arguments.of(5, 46.14), Arguments.of(6, 43.28));
  }

  /** sacreBLEU's raw_corpus_bleu: no tokenization, floor smoothing, effective order. */
  private static Options raw(Double floor) {
    return new Options(BleuTokenizer.NONE, false, Smoothing.FLOOR, floor, 4, true);
  }

  // mjpost/sacrebleu test/test_bleu.py, test_raw_bleu_cases, test_case_effective_order and test_case_offset
  // (raw_corpus_bleu with smooth_value .01, and 0.0 / default 0.1 for the offset case).
  static Stream<Arguments> rawCorpusCases() {
    return Stream.of(
        Arguments.of(List.of("this is a test", "another test"), List.of("ref1", "ref2"), raw(0.01), 0.0),
        Arguments.of(List.of("this is a test"), List.of("this is a test"), raw(0.01), 1.0),
        Arguments.of(List.of("this is a fest"), List.of("this is a test"), raw(0.01), 0.223606797749979),
        Arguments.of(List.of("test"), List.of("a test"), raw(0.01), 0.3678794411714425),
        Arguments.of(List.of("a test"), List.of("a test"), raw(0.01), 1.0),
        Arguments.of(List.of("a little test"), List.of("a test"), raw(0.01), 0.03218297948685433),
        Arguments.of(List.of("am I am a character sequence"), List.of("I am a symbol string sequence a a"), raw(0.0), 0.0),
        Arguments.of(List.of("am I am a character sequence"), List.of("I am a symbol string sequence a a"), raw(null),
            0.1555722182));
  }

  @ParameterizedTest
  @MethodSource("rawCorpusCases")
  void rawCorpusBleuMatchesSacrebleu(List<String> hypotheses, List<String> references, Options options, double expected) {
    assertThat(new Bleu(options).corpusScore(hypotheses, List.of(references)).score()).isCloseTo(expected, within(TOLERANCE));
  }

  // mjpost/sacrebleu test/test_bleu.py, test_case_statistics: counts [4, 2, 1, 0], totals [6, 5, 4, 3].
  @Test
  void sufficientStatisticsMatchSacrebleu() {
    BleuScore score =
        new Bleu(raw(0.01)).sentenceScore("am I am a character sequence", List.of("I am a symbol string sequence a a"));
    assertThat(score.matches()).containsExactly(4, 2, 1, 0);
    assertThat(score.totals()).containsExactly(6, 5, 4, 3);
    assertThat(score.hypothesisLength()).isEqualTo(6);
    assertThat(score.referenceLength()).isEqualTo(8);
  }

  // mjpost/sacrebleu test/test_bleu.py, test_case_scoring: compute_bleu([9,7,5,3], [10,8,6,4], 11, 11).
  @Test
  void computeFromStatisticsMatchesSacrebleu() {
    BleuScore score =
        Bleu.compute(new long[] {9, 7, 5, 3}, new long[] {10, 8, 6, 4}, 11, 11, Options.corpusDefaults());
    assertThat(score.score()).isCloseTo(0.8375922397, within(TOLERANCE));
  }

  // mjpost/sacrebleu test/test_bleu.py, test_case_degenerate_stats: floor smoothing with degenerate counts is 0.
  @ParameterizedTest
  @MethodSource("degenerateStatistics")
  void degenerateStatisticsScoreZero(long[] correct, long[] total, long sysLength, long refLength, double floor) {
    Options options = new Options(BleuTokenizer.THIRTEEN_A, false, Smoothing.FLOOR, floor, 4, false);
    assertThat(Bleu.compute(correct, total, sysLength, refLength, options).score()).isZero();
  }

  static Stream<Arguments> degenerateStatistics() {
    return Stream.of(
        Arguments.of(new long[] {0, 0, 0, 0}, new long[] {4, 4, 2, 1}, 0, 1, 0.0),
        Arguments.of(new long[] {0, 0, 0, 0}, new long[] {10, 11, 12, 0}, 14, 10, 0.0),
        Arguments.of(new long[] {0, 0, 0, 0}, new long[] {0, 0, 0, 0}, 0, 0, 0.0),
        Arguments.of(new long[] {6, 5, 4, 0}, new long[] {6, 5, 4, 3}, 6, 6, 0.0),
        Arguments.of(new long[] {0, 0, 0, 0}, new long[] {0, 0, 0, 0}, 0, 0, 0.1),
        Arguments.of(new long[] {0, 0, 0, 0}, new long[] {0, 0, 0, 0}, 1, 5, 0.01));
  }

  // No published value: computed with sacrebleu 2.6.0, BLEU(effective_order=True).sentence_score, giving
  // 50.81 (precisions 100.0/66.7/40.0/25.0, BP 1); the second reference (7 tokens) is the closest length
  // and its bigram "on the mat ." etc. merge with the first's by maximum count.
  @Test
  void sentenceBleuTakesTheMaximumCountsOverSeveralReferences() {
    BleuScore score =
        new Bleu(Options.sentenceDefaults())
            .sentenceScore("The cat is on the mat.", List.of("There is a cat on the mat.", "The cat sat on the mat."));
    assertThat(score.score()).isCloseTo(0.5081327, within(TOLERANCE));
    assertThat(score.precisions()).containsExactly(new double[] {1.0, 4.0 / 6, 2.0 / 5, 1.0 / 4}, within(1e-12));
  }

  // No published value: by hand, an empty hypothesis has no n-grams, so BLEU is 0 (and BP = 0).
  @Test
  void emptyHypothesisScoresZero() {
    BleuScore score = new Bleu(Options.sentenceDefaults()).sentenceScore("", List.of("a test"));
    assertThat(score.score()).isZero();
    assertThat(score.brevityPenalty()).isZero();
  }

  @Test
  void emptyReferencesAreRejectedLikeSacrebleu() {
    Bleu bleu = new Bleu(Options.sentenceDefaults());
    assertThatThrownBy(() -> bleu.sentenceScore("a test", List.of("", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BLEU needs at least one non-empty reference");
    assertThat(bleu.sentenceScore("a test", List.of("", "a test")).score()).isEqualTo(1.0);
  }
}
