package dev.ltb.evaluator.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RefusalPhrasesTest {

  static Stream<String> phrases() {
    return RefusalPhrases.PHRASES.stream();
  }

  static Stream<String> prefixes() {
    return RefusalPhrases.PREFIXES.stream();
  }

  @ParameterizedTest
  @MethodSource("phrases")
  void findsEveryPhraseInsideAnAnswer(String phrase) {
    assertThat(RefusalPhrases.find("Well, " + phrase + ", sadly."))
        .hasValueSatisfying(found -> assertThat(found).startsWith("it "));
  }

  @ParameterizedTest
  @MethodSource("prefixes")
  void findsEveryPrefixAtTheStart(String prefix) {
    assertThat(RefusalPhrases.find(prefix + " do that."))
        .contains("it starts with \"" + prefix + "\"");
  }

  @Test
  void theDocsListEveryPhraseAndPrefix() throws IOException {
    String docs = Files.readString(Path.of("../../docs/evaluators.md")).replaceAll("\\s+", " ");
    Stream.concat(phrases(), prefixes())
        .forEach(phrase -> assertThat(docs).contains("`" + phrase + "`"));
  }
}
