package dev.ltb.provider.generic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.template.TemplateRenderer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request of a generic HTTP provider as written in the suite: a URL, headers and a body that are templates
 * ({@code {{prompt}}}, {@code {{vars.question}}}, ...) rendered for every call with {@link TemplateRenderer}.
 * A JSON body (map or list) is rendered leaf by leaf, so a prompt with quotes or newlines stays valid JSON; a
 * text body is rendered as a whole and sent as it comes out.
 *
 * @param url the URL template
 * @param headers header templates
 * @param body a map or list (JSON body), a text (sent as is), or null (no body)
 */
public record RequestTemplate(String url, Map<String, String> headers, JsonNode body) {

  private static final TemplateRenderer RENDERER = new TemplateRenderer();

  public RequestTemplate {
    headers = Map.copyOf(headers);
  }

  public String url(Map<String, Object> variables) {
    return RENDERER.render(url, variables).strip();
  }

  public Map<String, String> headers(Map<String, Object> variables) {
    Map<String, String> rendered = new LinkedHashMap<>();
    headers.forEach((name, value) -> rendered.put(name, RENDERER.render(value, variables)));
    return rendered;
  }

  /** The body as text: JSON for a map or list, the rendered text otherwise; null when there is none. */
  public String body(Map<String, Object> variables) {
    if (body == null) return null;
    if (body.isTextual()) return RENDERER.render(body.asText(), variables);
    return render(body, variables).toString();
  }

  /** True when the body is sent as JSON (a map or list). */
  public boolean jsonBody() {
    return body != null && body.isContainerNode();
  }

  private static JsonNode render(JsonNode node, Map<String, Object> variables) {
    if (node.isTextual()) return JsonNodeFactory.instance.textNode(RENDERER.render(node.asText(), variables));
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(field -> copy.set(RENDERER.render(field.getKey(), variables), render(field.getValue(), variables)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(render(element, variables)));
      return copy;
    }
    return node;
  }
}
