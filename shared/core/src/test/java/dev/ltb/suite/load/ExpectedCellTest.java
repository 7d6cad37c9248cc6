package dev.ltb.suite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectedCellTest {

  private final ExpectedCell cell = new ExpectedCell(TestVocabulary.TYPES);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Paris                                | {'type':'equals','value':'Paris'}",
        "'  Bonjour le monde '                 | {'type':'equals','value':'Bonjour le monde'}",
        "Note: no type here                   | {'type':'equals','value':'Note: no type here'}",
        "contains: Paris                      | {'type':'contains','value':'Paris'}",
        "icontains:bonjour                    | {'type':'icontains','value':'bonjour'}",
        "not-icontains:sorry                  | {'type':'not-icontains','value':'sorry'}",
        "regex:^\\d+$                         | {'type':'regex','value':'^\\\\d+$'}",
        "starts-with:Yes                      | {'type':'starts-with','value':'Yes'}",
        "'contains-any:red, green ,blue'      | {'type':'contains-any','value':['red','green','blue']}",
        "'icontains-all:a,b'                  | {'type':'icontains-all','value':['a','b']}",
        "is-json                              | {'type':'is-json'}",
        "'is-json:{\"type\":\"object\"}'      | {'type':'is-json','value':{'type':'object'}}",
        "similar(0.9):Paris is the capital    | {'type':'similar','value':'Paris is the capital','threshold':0.9}",
        "similar:Paris                        | {'type':'similar','value':'Paris'}",
        "levenshtein(5):hello world           | {'type':'levenshtein','value':'hello world','threshold':5.0}",
        "grade:Is polite                      | {'type':'llm-rubric','value':'Is polite'}",
        "llm-rubric: Is polite                | {'type':'llm-rubric','value':'Is polite'}",
        "fn:output.includes('Au revoir');     "
            + "| {'type':'javascript','value':'output.includes(\\u0027Au revoir\\u0027);'}",
        "javascript:file://customAssertion.ts | {'type':'javascript','value':'file://customAssertion.ts'}",
        "file://check.js                      | {'type':'javascript','value':'file://check.js'}",
        "python:len(output) < 10              | {'type':'python','value':'len(output) < 10'}",
        "file://grade.py:score                | {'type':'python','value':'file://grade.py:score'}",
        "equals:contians: x                   | {'type':'equals','value':'contians: x'}",
        "contains                             | {'type':'contains'}",
        "factuality:Paris                     | {'type':'factuality','value':'Paris'}"
      })
  void readsACellLikePromptfoo(String text, String expected) throws Exception {
    assertThat(cell.parse(text)).isEqualTo(Json.mapper().readTree(expected.replace('\'', '"')));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "contians: Paris  | unknown assertion type \"contians\"; did you mean \"contains\"? (to compare the output with"
            + " this exact text, write equals:contians: Paris)",
        "not-icontian:x   | unknown assertion type \"not-icontian\"; did you mean \"not-icontains\"? (to compare the"
            + " output with this exact text, write equals:not-icontian:x)",
        "similar(high):x  | the threshold in \"similar(high)\" must be a number, e.g. similar(0.8):text"
      })
  void reportsCellsThatLookLikeAMistypedAssertion(String text, String message) {
    assertThatThrownBy(() -> cell.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
