package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorRateTest {

  private static final double TOLERANCE = 1e-12;

  static Stream<Arguments> werCases() {
    return Stream.of(
        // jitsi/jiwer tests/test_measures.py, test_input_gt_string_h_string.
        Arguments.of("This is a test", "This is a test", 0.0),
        Arguments.of("This is a test", "", 1.0),
        Arguments.of("This is a test", "This test", 0.5),
        // jitsi/jiwer tests/test_measures.py, test_different_sentence_length and test_known_values (from the
        // "From WER and RIL to MER and WIL" paper).
        Arguments.of("i am a short ground truth", "i am a considerably longer and very much incorrect hypothesis",
            7 / 6.0),
        Arguments.of("X", "X", 0.0),
        Arguments.of("X", "X X Y Y", 3.0),
        Arguments.of("X Y X", "X Z", 2 / 3.0),
        Arguments.of("X", "Y", 1.0),
        Arguments.of("X", "Y Z", 2.0),
        // jitsi/jiwer tests/test_empty_ref.py (jiwer 4): an empty reference counts the insertions.
        Arguments.of("", "", 0.0),
        Arguments.of("", "hello", 1.0),
        Arguments.of("", "0 1 2", 3.0),
        Arguments.of("hello", "", 1.0),
        // No published value, by hand: 2 of 3 words differ in their accents; runs of whitespace collapse.
        Arguments.of("naïve café 🙂", "naive cafe 🙂", 2 / 3.0),
        Arguments.of("  This   is a test ", "This is a test", 0.0));
  }

  @ParameterizedTest
  @MethodSource("werCases")
  void wordErrorRateMatchesJiwer(String reference, String hypothesis, double wer) {
    assertThat(ErrorRate.wordErrorRate(reference, hypothesis).rate()).isCloseTo(wer, within(TOLERANCE));
  }

  static Stream<Arguments> cerCases() {
    return Stream.of(
        // jitsi/jiwer tests/test_cer.py, test_input_gt_string_h_string and test_known_values.
        Arguments.of("This is a test", "This is a test", 0.0),
        Arguments.of("This is a test", "", 1.0),
        Arguments.of("This is a test", "This test", 5 / 14.0),
        Arguments.of("X", "X", 0.0),
        Arguments.of("X", "X X Y Y", 6.0),
        Arguments.of("X Y X", "X Z", 3 / 5.0),
        Arguments.of("X", "Y", 1.0),
        Arguments.of("X", "Y Z", 3.0),
        // jitsi/jiwer tests/test_empty_ref.py, test_cer_empty_ref.
        Arguments.of("", "", 0.0),
        Arguments.of("", "a", 1.0),
        Arguments.of("", "abd", 3.0),
        Arguments.of("a", "", 1.0),
        Arguments.of("abc", "", 1.0),
        // No published value, by hand: 2 substitutions over 12 code points (the emoji is one character).
        Arguments.of("naïve café 🙂", "naive cafe 🙂", 2 / 12.0));
  }

  @ParameterizedTest
  @MethodSource("cerCases")
  void characterErrorRateMatchesJiwer(String reference, String hypothesis, double cer) {
    assertThat(ErrorRate.characterErrorRate(reference, hypothesis).rate()).isCloseTo(cer, within(TOLERANCE));
  }

  // By hand from jiwer's wer_default: RemoveMultipleSpaces only replaces runs of two or more whitespace
  // characters, so a single tab does not separate words.
  @Test
  void aSingleTabDoesNotSeparateWordsAsInJiwer() {
    assertThat(ErrorRate.words(" a\tb  c\n\nd ")).containsExactly("a\tb", "c", "d");
    assertThat(ErrorRate.wordErrorRate("a b", "a\tb")).isEqualTo(new ErrorRateScore(2, 2, 1));
  }
}
