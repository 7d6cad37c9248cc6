package dev.ltb.provider.generic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponsePathTest {

  private static final String ANSWER =
      "{\"choices\": [{\"text\": \"Paris\", \"logprobs\": null}], \"usage\": {\"in\": 3},"
          + " \"items\": [{\"k\": \"a\", \"v\": 1}, {\"k\": \"b\", \"v\": 2}], \"weird key\": \"w\"}";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "<none>",
      textBlock =
          """
          /choices/0/text                | "Paris"
          $.choices[0].text              | "Paris"
          json.choices[0].text           | "Paris"
          json['weird key']              | "w"
          $.usage.in                     | 3
          $.items[?(@.k == 'b')].v       | [2]
          $.items[*].k                   | ["a","b"]
          $.choices[0].logprobs          | <none>
          /choices/3/text                | <none>
          $.missing.deeper               | <none>
          $.items[?(@.k == 'z')].v       | <none>
          """)
  void readsPointersJsonPathsAndPromptfooAccessors(String path, String expected) throws Exception {
    JsonNode answer = Json.mapper().readTree(ANSWER);

    var value = ResponsePath.parse(path).read(answer);

    if (expected == null) assertThat(value).isEmpty();
    else assertThat(value).contains(Json.mapper().readTree(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      json => json.text
      choices[0].text
      $.[broken
      """)
  void anythingElseIsRefusedWithTheFormsThatExist(String path) {
    assertThatThrownBy(() -> ResponsePath.parse(path)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(path);
  }
}
