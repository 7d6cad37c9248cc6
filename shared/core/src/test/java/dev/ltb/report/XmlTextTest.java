package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlTextTest {

  @ParameterizedTest
  @CsvSource({
    "'plain <b> & text', 'plain <b> & text'",
    "'tab\tline\nreturn\r', 'tab\tline\nreturn\r'",
    "'nul\u0000esc\u001b', 'nul\uFFFDesc\uFFFD'",
    "'emoji 🙂 ok', 'emoji 🙂 ok'",
    "'lone \uD800 high', 'lone \uFFFD high'",
    "'lone \uDC00 low', 'lone \uFFFD low'",
    "'\uFFFE', '\uFFFD'"
  })
  void keepsWhatXmlAllowsAndReplacesTheRest(String text, String expected) {
    assertThat(XmlText.clean(text)).isEqualTo(expected);
  }
}
