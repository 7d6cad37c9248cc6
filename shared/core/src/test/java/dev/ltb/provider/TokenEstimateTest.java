package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenEstimateTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({"'', 0", "a, 1", "abcd, 1", "abcde, 2", "'The capital of France is Paris.', 8", "\ud83d\ude00\ud83d\ude00, 1"})
  void countsOneTokenPerFourCharacters(String text, long expected) {
    assertThat(TokenEstimate.of(text)).isEqualTo(expected);
  }
}
