package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQuAD v1.1 script (evaluate-v1.1.py, e.g. seominjoon/denspi evaluate-v1.1.py) publishes no
 * examples; each expected value below was worked out by hand from its normalize_answer, f1_score and
 * exact_match_score, and confirmed by running those functions (Python 3.11).
 */
class SquadAnswerTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // Identical answers, several references (the SQuAD dev set style: duplicates allowed).
        Arguments.of("Denver Broncos", List.of("Denver Broncos", "Denver Broncos ", "Denver Broncos"), "denver broncos",
            1.0, 1.0),
        // Case, the article "The" and "!" are normalized away.
        Arguments.of("The Denver Broncos!", List.of("Denver Broncos"), "denver broncos", 1.0, 1.0),
        // 2 shared tokens: P = 2/3, R = 1, F1 = 0.8.
        Arguments.of("the Broncos of Denver", List.of("Denver Broncos"), "broncos of denver", 0.0, 0.8),
        Arguments.of("Carolina Panthers", List.of("Denver Broncos"), "carolina panthers", 0.0, 0.0),
        // Empty answers: exact match holds but v1.1's F1 is 0 when nothing is shared.
        Arguments.of("", List.of(""), "", 1.0, 0.0),
        Arguments.of("", List.of("an apple"), "", 0.0, 0.0),
        Arguments.of("a", List.of("the"), "", 1.0, 0.0),
        // Only ASCII punctuation is removed: the em dash stays a token (5 vs 4 tokens, 4 shared: F1 = 8/9).
        Arguments.of("Ça, c'est l'été — the café", List.of("ça cest lété café"), "ça cest lété — café", 0.0,
            0.8888888888888888),
        // \b(a|an|the)\b: "€" is not a word character, so "the" after it is a whole word.
        Arguments.of("€the price", List.of("€ price"), "€ price", 1.0, 1.0),
        // The best reference counts: P = 1/4, R = 1 against "1976" → F1 = 0.4.
        Arguments.of("in 1976, I think", List.of("1976", "the year 1976"), "in 1976 i think", 0.0, 0.4),
        Arguments.of("Theatre", List.of("the atre"), "theatre", 0.0, 0.0));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesTheOfficialScript(
      String prediction, List<String> references, String normalized, double exactMatch, double f1) {
    assertThat(SquadAnswer.normalize(prediction)).isEqualTo(normalized);
    assertThat(SquadAnswer.exactMatch(prediction, references)).isEqualTo(exactMatch);
    assertThat(SquadAnswer.f1(prediction, references).f1()).isCloseTo(f1, within(1e-12));
  }
}
