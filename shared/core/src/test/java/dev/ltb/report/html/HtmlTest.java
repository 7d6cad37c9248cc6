package dev.ltb.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain text | plain text",
        "<script>alert(1)</script> | &lt;script&gt;alert(1)&lt;/script&gt;",
        "a & b | a &amp; b",
        "\"quoted\" 'single' | &quot;quoted&quot; &#39;single&#39;",
        "café 🙂 | café 🙂",
      })
  void escapesMarkupAndKeepsOtherText(String text, String expected) {
    assertThat(Html.escape(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'a\u0000b', a\uFFFDb", "'\u001b[31m', \uFFFD[31m", "'x\uD800y', x\uFFFDy", "'\uDC00', \uFFFD"})
  void replacesControlCharactersAndLoneSurrogates(String text, String expected) {
    assertThat(Html.escape(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'line\nbreak\ttab', 'line\nbreak\ttab'"})
  void keepsLineBreaksAndTabs(String text, String expected) {
    assertThat(Html.escape(text)).isEqualTo(expected);
  }
}
