package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ltb.evaluator.metric.Chrf.Options;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reference values from sacreBLEU's own tests (scaled from 0–100 to 0–1). */
class ChrfTest {

  private static final double TOLERANCE = 1e-4;

  private static final String RISK_HYP =
      " risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .";
  private static final String RISK_REF =
      "risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .";
  private static final String OBAMA_HYP = " Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. ";
  private static final String OBAMA_REF =
      "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.";
  private static final String MAUER = "Niemand hat die Absicht, eine Mauer zu errichten";

  private static double corpus(Options options, List<String> hypotheses, List<String> references) {
    return new Chrf(options).corpusScore(hypotheses, List.of(references)).score();
  }

  // mjpost/sacrebleu test/test_chrf.py, test_cases: corpus_chrf(char_order=6, word_order=0, beta=3,
  // eps_smoothing=True).
  static Stream<Arguments> epsSmoothingCases() {
    return Stream.of(
        Arguments.of(List.of("abcdefg"), List.of("hijklmnop"), 0.0),
        Arguments.of(List.of("a"), List.of("b"), 0.0),
        Arguments.of(List.of(""), List.of("b"), 0.0),
        Arguments.of(List.of(""), List.of("ref"), 0.0),
        Arguments.of(List.of(""), List.of("reference"), 0.0),
        Arguments.of(List.of("aa"), List.of("ab"), 8.3333),
        Arguments.of(List.of("a", "b"), List.of("a", "c"), 8.3333),
        Arguments.of(List.of("a"), List.of("a"), 16.6667),
        Arguments.of(List.of("a b c"), List.of("a b c"), 50.0),
        Arguments.of(List.of("a b c"), List.of("abc"), 50.0),
        Arguments.of(List.of(RISK_HYP), List.of(RISK_REF), 63.361730),
        Arguments.of(List.of(OBAMA_HYP), List.of(OBAMA_REF), 64.1302698),
        Arguments.of(List.of(MAUER), List.of(MAUER), 100.0));
  }

  @ParameterizedTest
  @MethodSource("epsSmoothingCases")
  void epsSmoothingMatchesSacrebleu(List<String> hypotheses, List<String> references, double sacrebleuScore) {
    assertThat(corpus(new Options(6, 0, 3, false, false, true), hypotheses, references))
        .isCloseTo(sacrebleuScore / 100, within(TOLERANCE));
  }

  // mjpost/sacrebleu test/test_chrf.py, test_cases_effective_order (sacreBLEU's default averaging, beta=3).
  static Stream<Arguments> effectiveOrderCases() {
    return Stream.of(
        Arguments.of(List.of("a"), List.of("a"), 100.0),
        Arguments.of(List.of(""), List.of("reference"), 0.0),
        Arguments.of(List.of("a b c"), List.of("a b c"), 100.0),
        Arguments.of(List.of("a b c"), List.of("abc"), 100.0),
        Arguments.of(List.of(""), List.of("c"), 0.0),
        Arguments.of(List.of("a", "b"), List.of("a", "c"), 50.0),
        Arguments.of(List.of("aa"), List.of("ab"), 25.0));
  }

  @ParameterizedTest
  @MethodSource("effectiveOrderCases")
  void effectiveOrderMatchesSacrebleu(List<String> hypotheses, List<String> references, double sacrebleuScore) {
    assertThat(corpus(new Options(6, 0, 3, false, false, false), hypotheses, references))
        .isCloseTo(sacrebleuScore / 100, within(TOLERANCE));
  }

  // mjpost/sacrebleu test/test_chrf.py, test_cases_keep_whitespace (beta=3, whitespace kept).
  static Stream<Arguments> keepWhitespaceCases() {
    return Stream.of(
        Arguments.of(
            "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.", OBAMA_REF, 67.3481606),
        Arguments.of(RISK_HYP.strip(), RISK_REF, 65.2414427));
  }

  @ParameterizedTest
  @MethodSource("keepWhitespaceCases")
  void keepingWhitespaceMatchesSacrebleu(String hypothesis, String reference, double sacrebleuScore) {
    assertThat(corpus(new Options(6, 0, 3, false, true, false), List.of(hypothesis), List.of(reference)))
        .isCloseTo(sacrebleuScore / 100, within(TOLERANCE));
  }

  // mjpost/sacrebleu test/test_chrf.py, test_sentence_level_chrf: sentence_chrf(eps_smoothing=True), Czech.
  static Stream<Arguments> sentenceCases() {
    return Stream.of(
        Arguments.of(
            "Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
            "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.",
            39.14078509),
        Arguments.of(
            "Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
            "A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.",
            31.22557079),
        Arguments.of(
            "Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
            "Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.",
            57.15704367));
  }

  @ParameterizedTest
  @MethodSource("sentenceCases")
  void sentenceChrfMatchesSacrebleuOnCzech(String hypothesis, String reference, double sacrebleuScore) {
    Options options = new Options(6, 0, 2, false, false, true);
    assertThat(new Chrf(options).sentenceScore(hypothesis, List.of(reference)).score())
        .isCloseTo(sacrebleuScore / 100, within(TOLERANCE));
  }

  // No published chrF++ values in sacreBLEU's tests: these were computed with sacrebleu 2.6.0,
  // CHRF(word_order=2).corpus_score(...) and CHRF().corpus_score(...) (defaults: beta 2, effective order).
  static Stream<Arguments> chrfPlusPlusCases() {
    return Stream.of(
        Arguments.of(RISK_HYP, RISK_REF, 59.23655108183626, 63.43165368117263),
        Arguments.of(OBAMA_HYP, OBAMA_REF, 61.58723245629576, 64.818123726097),
        Arguments.of(MAUER, MAUER, 100.0, 100.0),
        Arguments.of("", "reference", 0.0, 0.0),
        Arguments.of("a b c", "abc", 75.0, 100.0),
        Arguments.of("(hi) there, friend!", "hi there friend", 47.11976295441019, 53.33400794473119));
  }

  @ParameterizedTest
  @MethodSource("chrfPlusPlusCases")
  void chrfPlusPlusAddsWordBigramsAsSacrebleuDoes(
      String hypothesis, String reference, double chrfPlusPlus, double chrf) {
    assertThat(corpus(Options.chrFPlusPlus(), List.of(hypothesis), List.of(reference)))
        .isCloseTo(chrfPlusPlus / 100, within(TOLERANCE));
    assertThat(corpus(Options.chrF(), List.of(hypothesis), List.of(reference))).isCloseTo(chrf / 100, within(TOLERANCE));
  }

  // No published value: computed with sacrebleu 2.6.0, CHRF(word_order=2).sentence_score → 67.4930;
  // the second reference scores higher and is the one used.
  @Test
  void sentenceScoreUsesTheBestReference() {
    ChrfScore score =
        new Chrf(Options.chrFPlusPlus())
            .sentenceScore("The cat is on the mat.", List.of("There is a cat on the mat.", "The cat sat on the mat."));
    assertThat(score.score()).isCloseTo(0.6749301221379969, within(TOLERANCE));
  }

  // No published value: computed with sacrebleu 2.6.0, CHRF().sentence_score → 42.1777 (emoji and
  // accented letters are single characters, as in Python) and CHRF(lowercase=True) → 100.0.
  @Test
  void charactersAreCodePointsAndCaseCanBeIgnored() {
    assertThat(new Chrf(Options.chrF()).sentenceScore("Ünïcödé 🙂 ça va", List.of("ça va 🙂")).score())
        .isCloseTo(0.42177652870039175, within(TOLERANCE));
    assertThat(new Chrf(new Options(6, 0, 2, true, false, false)).sentenceScore("HELLO World", List.of("hello world")).score())
        .isEqualTo(1.0);
  }

  @Test
  void punctuationIsSplitOffWordsForChrfPlusPlus() {
    assertThat(Chrf.splitPunctuation("(hi) there, friend! a . ok"))
        .containsExactly("(hi", ")", "there", ",", "friend", "!", "a", ".", "ok");
  }

  @Test
  void emptyReferencesAreRejected() {
    assertThatThrownBy(() -> new Chrf(Options.chrF()).sentenceScore("x", List.of("")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chrF needs at least one non-empty reference");
  }
}
