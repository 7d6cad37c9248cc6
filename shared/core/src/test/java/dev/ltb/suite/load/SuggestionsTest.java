package dev.ltb.suite.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

  private static final List<String> KEYS = List.of("tests", "prompts", "providers", "assert", "threshold", "contains");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "test, tests",
    "asserts, assert",
    "prompt, prompts",
    "provider, providers",
    "threshhold, threshold",
    "contians, contains",
    "Tests, tests",
    "colour, ''",
    "a, ''"
  })
  void suggestsOnlyLikelyTypos(String word, String expected) {
    assertThat(Suggestions.closest(word, KEYS).orElse("")).isEqualTo(expected);
  }
}
