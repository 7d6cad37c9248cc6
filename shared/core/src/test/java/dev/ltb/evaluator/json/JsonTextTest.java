package dev.ltb.evaluator.json;

import static dev.ltb.evaluator.EvaluatorTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTextTest {

  static Stream<Arguments> embedded() {
    return Stream.of(
        Arguments.of("{\"a\": 1}", List.of("{\"a\":1}")),
        Arguments.of("[1, 2, 3]", List.of("[1,2,3]")),
        Arguments.of("x {\"a\": \"}\"} y {\"b\": [2]}", List.of("{\"a\":\"}\"}", "{\"b\":[2]}")),
        Arguments.of("list: [{\"a\": 1}, {\"a\": 2}] end", List.of("[{\"a\":1},{\"a\":2}]")),
        Arguments.of("nested {\"outer\": {\"inner\": 1}}", List.of("{\"outer\":{\"inner\":1}}")),
        Arguments.of("broken {\"a\": 1 then {\"b\": 2}", List.of("{\"b\":2}")),
        Arguments.of("mismatched {\"a\": [1} and [2]", List.of()),
        Arguments.of("citations [1] [2, 3]", List.of()),
        Arguments.of("{\"unterminated\": ", List.of()));
  }

  @ParameterizedTest
  @MethodSource("embedded")
  void extractsOutermostObjectsAndStructuredArrays(String text, List<String> expected) {
    assertThat(JsonText.extract(text)).map(JsonNode::toString).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{a: 1, b: [1, 2]}  | '{\"b\": [1.0, 2], \"a\": 1}'  | true",
        "{a: 1}             | '{\"a\": 1, \"b\": null}'      | false",
        "[1, 2]             | '[2, 1]'                       | false",
        "{a: x}             | '{\"a\": \"x\"}'               | true",
        "{a: 1}             | '{\"a\": \"1\"}'               | false",
      })
  void comparesJsonByValue(String expectedYaml, String actualJson, boolean same) {
    assertThat(JsonText.sameJson(yaml(expectedYaml), JsonText.parse(actualJson).orElseThrow()))
        .isEqualTo(same);
  }
}
