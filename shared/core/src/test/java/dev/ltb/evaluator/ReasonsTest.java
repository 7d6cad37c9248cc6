package dev.ltb.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Paris          | \"Paris\"",
        "''             | \"\"",
        "'a\tb'         | \"a\\tb\"",
      })
  void quotesShortTextAsIs(String text, String quoted) {
    assertThat(Reasons.quote(text)).isEqualTo(quoted);
  }

  @Test
  void keepsReasonsOnOneLine() {
    assertThat(Reasons.quote("line 1\r\nline 2")).isEqualTo("\"line 1\\r\\nline 2\"");
  }

  @Test
  void cutsLongTextAtAHundredCharacters() {
    assertThat(Reasons.quote("x".repeat(100))).isEqualTo("\"" + "x".repeat(100) + "\"");
    assertThat(Reasons.quote("x".repeat(101))).isEqualTo("\"" + "x".repeat(97) + "...\"");
  }

  @Test
  void neverCutsACharacterInHalf() {
    String text = "x".repeat(96) + "😀" + "y".repeat(10);

    assertThat(Reasons.quote(text)).isEqualTo("\"" + "x".repeat(96) + "...\"");
  }

  @Test
  void quotesListsAndCutsThemWhole() {
    assertThat(Reasons.quoteAll(List.of("Paris", "Lyon"))).isEqualTo("[\"Paris\", \"Lyon\"]");
    assertThat(Reasons.quoteAll(List.of("a".repeat(60), "b".repeat(60))))
        .isEqualTo("[\"" + "a".repeat(60) + "\", \"" + "b".repeat(32) + "...]");
  }
}
