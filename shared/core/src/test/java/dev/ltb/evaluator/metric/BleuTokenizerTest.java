package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sacreBLEU's tests check its tokenizers only through BLEU scores; these expected tokenizations were
 * produced by sacrebleu 2.6.0's Tokenizer13a and TokenizerV14International on the right-stripped inputs.
 */
class BleuTokenizerTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "Hello, world! It's 3.14 or 1,000-2,000 (approx.)",
            "Hello , world ! It's 3.14 or 1,000 - 2,000 ( approx . )",
            "Hello , world ! It ' s 3.14 or 1,000-2,000 ( approx . )"),
        Arguments.of(
            "a&amp;b &lt;tag&gt; e-mail\nline",
            "a & b < tag > e-mail line",
            "a & amp ; b & lt ; tag & gt ; e - mail line"),
        Arguments.of("Zürich — “quoted” 🙂 text.", "Zürich — “quoted” 🙂 text .", "Zürich — “ quoted ” 🙂 text ."),
        Arguments.of("He said: \"no\"...", "He said : \" no \" . . .", "He said : \" no \" . . ."),
        Arguments.of("", "", ""));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void tokenizesLikeSacrebleu(String text, String thirteenA, String intl) {
    assertThat(String.join(" ", BleuTokenizer.THIRTEEN_A.tokenize(text, false))).isEqualTo(thirteenA);
    assertThat(String.join(" ", BleuTokenizer.INTL.tokenize(text, false))).isEqualTo(intl);
  }

  @Test
  void charTokenizerKeepsEveryNonSpaceCodePoint() {
    assertThat(BleuTokenizer.CHAR.tokenize("ab 🙂\u00a0c ", true)).containsExactly("a", "b", "🙂", "c");
  }

  @Test
  void unknownTokenizerNamesTheChoices() {
    assertThatThrownBy(() -> BleuTokenizer.byId("moses"))
        .hasMessage("unknown tokenizer \"moses\"; use one of 13a, intl, char, none");
  }
}
