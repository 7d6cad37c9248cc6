package dev.ltb.evaluator.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.json.Json;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JudgeRepliesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"pass\": true, \"reason\": \"ok\"}",
        "```json\n{\"pass\": true, \"reason\": \"ok\"}\n```",
        "Sure, here is the verdict:\n\n{\"pass\": true, \"reason\": \"ok\"}\n\nLet me know if you need more.",
        "{\"pass\": true, \"reason\": \"ok\",}",
        "{'pass': true, 'reason': 'ok'}",
        "{pass: true, reason: \"ok\"}",
        "{\"pass\": true, // the output is fine\n \"reason\": \"ok\"}",
        "I would say {maybe} but formally: {\"pass\": true, \"reason\": \"ok\"}",
        "{\"pass\": true, \"reason\": \"ok\"} and a second {\"pass\": false}",
      })
  void findsTheVerdictInWhatModelsWriteAroundIt(String reply) {
    assertThat(JudgeReplies.firstObject(reply))
        .contains(object("{\"pass\": true, \"reason\": \"ok\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"reason\": \"braces } and \\\" quotes { inside\", \"pass\": false}",
        "```\n{\"reason\": \"braces } and \\\" quotes { inside\", \"pass\": false}\n```"
      })
  void keepsBracesAndQuotesInsideStrings(String reply) {
    assertThat(JudgeReplies.firstObject(reply))
        .contains(object("{\"reason\": \"braces } and \\\" quotes { inside\", \"pass\": false}"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "PASS",
        "The output passes.",
        "[true, 1]",
        "{\"pass\": true",
        "{not json at all}"
      })
  void findsNothingWhenThereIsNoObject(String reply) {
    assertThat(JudgeReplies.firstObject(reply)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true       | true",
        "false | false",
        "'\"true\"' | true",
        "'\"True \"' | true",
        "'\"yes\"' | true",
        "'\"PASS\"' | true",
        "'\"n\"' | false",
        "'\"fail\"' | false",
        "1 | true",
        "0 | false",
        "1.0 | true"
      })
  void readsBooleansWrittenInManyWays(String json, boolean expected) throws Exception {
    assertThat(JudgeReplies.bool(Json.mapper().readTree(json))).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"maybe\"", "2", "null", "{}", "[true]"})
  void refusesWhatIsNoBoolean(String json) throws Exception {
    assertThat(JudgeReplies.bool(Json.mapper().readTree(json))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"0.5 | 0.5", "'\"0.8\"' | 0.8", "'\" 7 \"' | 7", "10 | 10"})
  void readsNumbersAndNumbersWrittenAsText(String json, double expected) throws Exception {
    assertThat(JudgeReplies.number(Json.mapper().readTree(json))).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"high\"", "true", "\"NaN\"", "null"})
  void refusesWhatIsNoNumber(String json) throws Exception {
    assertThat(JudgeReplies.number(Json.mapper().readTree(json))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void quotesAReplyOnOneLineAndCutsItShort() {
    assertThat(JudgeReplies.excerpt("  I  think\n\nit passes ")).isEqualTo("\"I think it passes\"");
    assertThat(JudgeReplies.excerpt("a".repeat(500))).isEqualTo("\"" + "a".repeat(197) + "...\"");
    assertThat(JudgeReplies.text(TextNode.valueOf("  "))).isEqualTo(Optional.empty());
  }

  private static ObjectNode object(String json) {
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
