package dev.ltb.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hubspot.jinjava.Jinjava;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

  private final TemplateRenderer renderer = new TemplateRenderer();

  private static Map<String, Object> vars() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("name", "Ada");
    vars.put("n", 42);
    vars.put("big", 12345678901L);
    vars.put("ratio", 0.5);
    vars.put("flag", true);
    vars.put("items", List.of("a", "b"));
    vars.put("nested", Map.of("city", "Paris"));
    vars.put("nothing", null);
    return vars;
  }

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("Hello {{name}}!", "Hello Ada!"),
        Arguments.of("Hello {{ name }} #{{n}} {{big}}", "Hello Ada #42 12345678901"),
        Arguments.of("{{missing}}|{{nothing}}|", "||"),
        Arguments.of("ratio {{ratio}} flag {{flag}}", null),
        Arguments.of("{{ name | upper }}", "ADA"),
        Arguments.of("{% if n > 40 %}big{% else %}small{% endif %}", "big"),
        Arguments.of("{% for i in items %}[{{ i }}]{% endfor %}", "[a][b]"),
        Arguments.of("{{ nested.city }}", "Paris"),
        Arguments.of("plain text, no placeholders", "plain text, no placeholders"));
  }

  @ParameterizedTest
  @MethodSource("templates")
  void rendersExactlyAsJinjavaDoes(String template, String expected) {
    String jinjava = new Jinjava().render(template, vars());
    assertThat(renderer.render(template, vars())).isEqualTo(jinjava);
    if (expected != null) assertThat(renderer.render(template, vars())).isEqualTo(expected);
  }

  @Test
  void aBrokenTemplateSaysWhatIsWrong() {
    assertThatThrownBy(() -> renderer.render("Hello {% if %}", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("template error:");
  }
}
