package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Python's own semantics (str.split, str.strip, str.isspace), checked by hand against Python 3.11. */
class PythonTextTest {

  @Test
  void splitsOnEveryUnicodeWhitespaceLikePython() {
    // "a\u00a0b\u2003c\u3000d\u0085e\u001ff g".split() == ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    assertThat(PythonText.split(" a\u00a0b\u2003c\u3000d\u0085e\u001ff\tg \n"))
        .containsExactly("a", "b", "c", "d", "e", "f", "g");
    assertThat(PythonText.split("   ")).isEmpty();
  }

  @Test
  void stripsWhitespaceButNotZeroWidthCharacters() {
    assertThat(PythonText.strip("\u00a0 x\u200b \u2028")).isEqualTo("x\u200b");
    assertThat(PythonText.rstrip(" x ")).isEqualTo(" x");
  }

  @Test
  void wordCharactersAreLettersNumbersAndUnderscore() {
    assertThat(PythonText.isWordChar('é')).isTrue();
    assertThat(PythonText.isWordChar('²')).isTrue();
    assertThat(PythonText.isWordChar('_')).isTrue();
    assertThat(PythonText.isWordChar('€')).isFalse();
    assertThat(PythonText.isWordChar('-')).isFalse();
  }
}
