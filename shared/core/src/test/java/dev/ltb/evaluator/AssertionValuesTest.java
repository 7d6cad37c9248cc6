package dev.ltb.evaluator;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssertionValuesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "42        | 42",
        "42.0      | 42",
        "0.50      | 0.5",
        "1e6       | 1000000",
        "-3.25     | -3.25",
      })
  void writesNumbersAsJavaScriptDoes(String yamlNumber, String text) {
    assertThat(AssertionValues.numberText(yaml(yamlNumber))).isEqualTo(text);
  }

  @Test
  void readsTextFromStringsAndNumbers() {
    assertThat(AssertionValues.text(assertion("contains", "Paris"))).isEqualTo("Paris");
    assertThat(AssertionValues.text(assertion("contains", "7"))).isEqualTo("7");
  }

  @Test
  void readsListsFromListsOrCommaSeparatedText() {
    assertThat(AssertionValues.texts(assertion("contains-any", "[a, 2]")))
        .containsExactly("a", "2");
    assertThat(AssertionValues.texts(assertion("contains-any", "a, b"))).containsExactly("a", "b");
  }

  @Test
  void readsOptionalNumbers() {
    assertThat(AssertionValues.optionalNumber(assertion("latency", null))).isNull();
    assertThat(AssertionValues.optionalNumber(assertion("latency", "500"))).isEqualTo(500.0);
    assertThat(AssertionValues.optionalNumber(assertion("latency", "' 500 '"))).isEqualTo(500.0);
    assertThatThrownBy(() -> AssertionValues.optionalNumber(assertion("latency", "[1]")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("latency needs a number as value, got a list");
  }

  @Test
  void describesValuesForMessages() {
    assertThat(List.of("Paris", "''", "3", "true", "[a]", "{a: 1}", "null"))
        .map(value -> AssertionValues.describe(yaml(value)))
        .containsExactly(
            "\"Paris\"",
            "an empty string",
            "3",
            "the boolean true",
            "a list",
            "an object",
            "nothing");
  }
}
