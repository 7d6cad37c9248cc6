package dev.ltb.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code {{var}}} templates with Jinjava, a Jinja2 engine close to the Nunjucks templates promptfoo
 * suites are written in (filters, conditionals, loops). Thread-safe.
 */
public final class TemplateRenderer {

  private final Jinjava jinjava;

  public TemplateRenderer() {
    JinjavaConfig config =
        JinjavaConfig.newBuilder().withFailOnUnknownTokens(false).withMaxOutputSize(10_000_000).build();
    this.jinjava = new Jinjava(config);
  }

  /**
   * Renders the template; text without {@code {{}} or {@code {%}} is returned as is.
   *
   * @throws TemplateException when the template does not parse
   */
  public String render(String template, Map<String, Object> vars) {
    if (template == null || (!template.contains("{{") && !template.contains("{%"))) return template;
    RenderResult result = jinjava.renderForResult(template, vars);
    var fatal =
        result.getErrors().stream()
            .filter(error -> error.getSeverity() == com.hubspot.jinjava.interpret.TemplateError.ErrorType.FATAL)
            .toList();
    if (!fatal.isEmpty()) {
      throw new TemplateException(
          "template error: "
              + fatal.stream().map(TemplateRenderer::describe).collect(Collectors.joining("; ")));
    }
    return result.getOutput();
  }

  private static String describe(TemplateError error) {
    return error.getMessage() + (error.getLineno() > 0 ? " (line " + error.getLineno() + ")" : "");
  }
}
