package dev.ltb.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommaSeparatedValuesTest {

  static Stream<Arguments> fields() {
    return Stream.of(
        Arguments.of("Paris,Lyon", List.of("Paris", "Lyon")),
        Arguments.of("  Paris ,  Lyon  ", List.of("Paris", "Lyon")),
        Arguments.of("a,,b,", List.of("a", "b")),
        Arguments.of("New York, \"Paris, France\"", List.of("New York", "Paris, France")),
        Arguments.of(
            "\"say \"\"hi\"\"\", \"back\\\\slash \\\"q\\\"\"",
            List.of("say \"hi\"", "back\\slash \"q\"")),
        Arguments.of("\"\"", List.of("")),
        Arguments.of("one", List.of("one")),
        Arguments.of("", List.of()));
  }

  @ParameterizedTest
  @MethodSource("fields")
  void splitsOnCommasOutsideQuotes(String text, List<String> expected) {
    assertThat(CommaSeparatedValues.parse(text)).isEqualTo(expected);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("a, \"b", "unterminated quoted field in \"a, \"b\""),
        Arguments.of("\"a\" b", "expected a comma after the quoted field in \"\"a\" b\""));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void rejectsMalformedQuotes(String text, String message) {
    assertThatThrownBy(() -> CommaSeparatedValues.parse(text))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }
}
