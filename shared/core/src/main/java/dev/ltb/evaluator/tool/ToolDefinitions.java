package dev.ltb.evaluator.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.json.Json;
import dev.ltb.suite.Assertion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The function tools a model was offered, read from the assertion's value (a list of tools, or
 * {@code {tools: [...]}}) or else from the provider's {@code tools} (or legacy {@code functions})
 * config. Each vendor's shape is read: OpenAI Chat ({@code {type: function, function: {name,
 * parameters}}}), OpenAI Responses and legacy functions ({@code {name, parameters}}), Anthropic
 * ({@code {name, input_schema}}), Bedrock ({@code {toolSpec: {name, inputSchema: {json}}}}) and
 * Gemini ({@code {functionDeclarations: [...]}}). Tools that are no functions (web search, MCP
 * servers) are left out.
 */
final class ToolDefinitions {

  /**
   * @param parameters the JSON Schema of the arguments, or null when the tool declares none
   */
  record Tool(String name, JsonNode parameters) {}

  private ToolDefinitions() {}

  static List<Tool> of(Assertion assertion, EvaluationContext context) {
    JsonNode value = assertion.value();
    if (value != null && !value.isNull() && !value.isMissingNode())
      return read(assertion, "value", listIn(assertion, value));
    if (context.provider() != null) {
      JsonNode config = context.provider().config();
      for (String key : List.of("tools", "functions"))
        if (config.path(key).isArray())
          return read(assertion, "provider config " + key, config.get(key));
    }
    throw new EvaluationException(
        assertion.type()
            + " needs the tool definitions: give the provider a tools config, or set value to the"
            + " list of tools");
  }

  private static JsonNode listIn(Assertion assertion, JsonNode value) {
    JsonNode tools = value.isTextual() ? parseText(assertion, value.textValue()) : value;
    if (tools.isObject() && tools.path("tools").isArray()) return tools.get("tools");
    if (tools.isObject() && tools.path("functions").isArray()) return tools.get("functions");
    if (tools.isArray()) return tools;
    throw new EvaluationException(
        assertion.type()
            + " value must be a list of tool definitions or {tools: [...]}, got "
            + AssertionValues.describe(value));
  }

  private static JsonNode parseText(Assertion assertion, String text) {
    try {
      return Json.yaml().readTree(text);
    } catch (JsonProcessingException e) {
      throw new EvaluationException(
          assertion.type() + " value is not a readable list of tools: " + e.getOriginalMessage(),
          e);
    }
  }

  private static List<Tool> read(Assertion assertion, String source, JsonNode list) {
    List<Tool> tools = new ArrayList<>();
    for (JsonNode tool : list) {
      if (tool.path("function").isObject()) {
        add(tool.get("function"), tool.get("function").get("parameters"), tools);
      } else if (tool.path("toolSpec").isObject()) {
        JsonNode spec = tool.get("toolSpec");
        add(spec, spec.path("inputSchema").get("json"), tools);
      } else if (tool.path("functionDeclarations").isArray()) {
        for (JsonNode declaration : tool.get("functionDeclarations"))
          add(declaration, lowerCaseTypes(declaration.get("parameters")), tools);
      } else if (tool.has("input_schema")) {
        add(tool, tool.get("input_schema"), tools);
      } else if (tool.path("type").asText("function").equals("function")) {
        add(tool, tool.get("parameters"), tools);
      }
    }
    if (tools.isEmpty())
      throw new EvaluationException(
          assertion.type() + " found no function tools with a name in the " + source);
    return tools;
  }

  private static void add(JsonNode tool, JsonNode parameters, List<Tool> tools) {
    if (tool.path("name").isTextual())
      tools.add(new Tool(tool.get("name").textValue(), isAbsent(parameters) ? null : parameters));
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** Gemini writes schema types in capitals ({@code OBJECT}, {@code STRING}). */
  private static JsonNode lowerCaseTypes(JsonNode schema) {
    if (isAbsent(schema) || !schema.isContainerNode()) return schema;
    JsonNode copy = schema.deepCopy();
    lowerCaseTypesIn(copy);
    return copy;
  }

  private static void lowerCaseTypesIn(JsonNode node) {
    if (node instanceof ObjectNode object && object.path("type").isTextual())
      object.set("type", TextNode.valueOf(object.get("type").textValue().toLowerCase(Locale.ROOT)));
    node.forEach(ToolDefinitions::lowerCaseTypesIn);
  }
}
