package dev.ltb.evaluator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.json.JsonText;
import dev.ltb.provider.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool calls a model made: those the provider reported, or else those written as JSON in the
 * output (the whole output must be JSON): OpenAI's {@code {tool_calls: [...]}} and {@code
 * {function_call: ...}}, Responses {@code function_call} items, Anthropic {@code tool_use} blocks,
 * Gemini {@code functionCall} parts and Live {@code {toolCall: {functionCalls: [...]}}}, or plain
 * {@code {name, arguments}} objects, alone or in a list.
 */
final class ToolCalls {

  private ToolCalls() {}

  static List<ToolCall> of(EvaluationContext context) {
    if (context.response() != null && !context.response().toolCalls().isEmpty())
      return context.response().toolCalls();
    return JsonText.parse(context.output()).map(ToolCalls::fromJson).orElse(List.of());
  }

  private static List<ToolCall> fromJson(JsonNode json) {
    List<ToolCall> calls = new ArrayList<>();
    if (json.isArray()) {
      json.forEach(item -> addCall(item, calls));
    } else if (json.path("tool_calls").isArray()) {
      json.get("tool_calls").forEach(item -> addCall(item, calls));
    } else if (json.path("toolCall").path("functionCalls").isArray()) {
      json.get("toolCall").get("functionCalls").forEach(item -> addCall(item, calls));
    } else if (json.path("function_call").isObject()) {
      addCall(json.get("function_call"), calls);
    } else {
      addCall(json, calls);
    }
    return calls;
  }

  private static void addCall(JsonNode item, List<ToolCall> calls) {
    if (!item.isObject()) return;
    JsonNode call = item;
    JsonNode arguments;
    if (item.path("functionCall").isObject()) {
      call = item.get("functionCall");
      arguments = call.get("args");
    } else if (item.path("function").isObject()) {
      call = item.get("function");
      arguments = call.get("arguments");
    } else if ("tool_use".equals(item.path("type").asText())) {
      arguments = item.get("input");
    } else {
      arguments = item.has("arguments") ? item.get("arguments") : item.get("args");
    }
    if (!call.path("name").isTextual()) return;
    String id = item.path("id").isTextual() ? item.get("id").textValue() : null;
    calls.add(new ToolCall(id, call.get("name").textValue(), argumentsJson(arguments)));
  }

  private static String argumentsJson(JsonNode arguments) {
    if (arguments == null || arguments.isNull()) return null;
    return arguments.isTextual() ? arguments.textValue() : arguments.toString();
  }
}
