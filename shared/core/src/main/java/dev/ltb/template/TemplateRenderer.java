package dev.ltb.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders {@code {{var}}} templates with Jinjava, a Jinja2 engine close to the Nunjucks templates promptfoo
 * suites are written in (filters, conditionals, loops). Thread-safe.
 *
 * <p>Most prompts only substitute plain variables. Jinjava builds a fresh interpreter context (registering
 * every filter and tag reflectively) for each render, which costs more CPU than the rest of an item, so a
 * template made only of {@code {{ name }}} placeholders whose values are strings or integers is substituted
 * directly — with exactly the output Jinjava would give; anything else goes through Jinjava.
 */
public final class TemplateRenderer {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

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
    if (template == null || (!template.contains("{{") && !template.contains("{%") && !template.contains("{#")))
      return template;
    String simple = substitutePlainVariables(template, vars);
    return simple != null ? simple : renderWithJinjava(template, vars);
  }

  /** The rendered text when the template is plain placeholders over string/integer values, else null. */
  private static String substitutePlainVariables(String template, Map<String, Object> vars) {
    if (template.contains("{%") || template.contains("{#")) return null;
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    int end = 0;
    while (matcher.find()) {
      Object value = vars.get(matcher.group(1));
      String text;
      if (value == null) text = ""; // Jinjava renders an unknown or null variable as nothing
      else if (value instanceof String string) text = string;
      else if (value instanceof Integer || value instanceof Long) text = value.toString();
      else return null;
      out.append(template, end, matcher.start()).append(text);
      end = matcher.end();
    }
    out.append(template, end, template.length());
    String result = out.toString();
    return result.contains("{{") ? null : result; // leftover braces: expressions Jinjava must evaluate
  }

  private String renderWithJinjava(String template, Map<String, Object> vars) {
    RenderResult result = jinjava.renderForResult(template, vars);
    var fatal = result.getErrors().stream().filter(error -> error.getSeverity() == TemplateError.ErrorType.FATAL).toList();
    if (!fatal.isEmpty()) {
      throw new TemplateException(
          "template error: " + fatal.stream().map(TemplateRenderer::describe).collect(Collectors.joining("; ")));
    }
    return result.getOutput();
  }

  private static String describe(TemplateError error) {
    return error.getMessage() + (error.getLineno() > 0 ? " (line " + error.getLineno() + ")" : "");
  }
}
