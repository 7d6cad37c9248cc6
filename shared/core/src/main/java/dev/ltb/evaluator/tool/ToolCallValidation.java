package dev.ltb.evaluator.tool;

import static dev.ltb.evaluator.Reasons.quote;
import static dev.ltb.evaluator.Reasons.quoteAll;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.json.JsonSchemaCheck;
import dev.ltb.evaluator.json.JsonText;
import dev.ltb.evaluator.tool.ToolDefinitions.Tool;
import dev.ltb.provider.ToolCall;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.Optional;

/**
 * The check behind {@code is-valid-openai-tools-call} and {@code is-valid-function-call}: the model
 * called at least one tool, and every call names a defined tool and passes arguments that are JSON
 * conforming to that tool's parameters schema.
 */
final class ToolCallValidation {

  private ToolCallValidation() {}

  static EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    List<Tool> tools = ToolDefinitions.of(assertion, context);
    List<ToolCall> calls = ToolCalls.of(context);
    if (calls.isEmpty())
      return EvaluationResult.of(
          false, "no tool calls: the response has none and the output is no tool-call JSON");
    for (ToolCall call : calls) {
      Optional<String> problem = problem(call, tools);
      if (problem.isPresent()) return EvaluationResult.of(false, problem.get());
    }
    List<String> names = calls.stream().map(ToolCall::name).toList();
    return EvaluationResult.of(
        true,
        calls.size() == 1
            ? "1 tool call matches its definition: " + quoteAll(names)
            : calls.size() + " tool calls match their definitions: " + quoteAll(names));
  }

  private static Optional<String> problem(ToolCall call, List<Tool> tools) {
    String name = quote(call.name());
    Optional<Tool> tool = tools.stream().filter(t -> t.name().equals(call.name())).findFirst();
    if (tool.isEmpty())
      return Optional.of(
          "tool call "
              + name
              + " names no defined tool; defined: "
              + quoteAll(tools.stream().map(Tool::name).toList()));
    Optional<JsonNode> arguments = JsonText.parse(call.argumentsJson());
    if (arguments.isEmpty())
      return Optional.of(
          "tool call " + name + " has arguments that are not JSON: " + quote(call.argumentsJson()));
    if (tool.get().parameters() == null) return Optional.empty();
    String violations = schemaOf(tool.get()).violations(arguments.get());
    if (violations.isEmpty()) return Optional.empty();
    return Optional.of(
        "tool call " + name + " has arguments that do not match its parameters: " + violations);
  }

  private static JsonSchemaCheck schemaOf(Tool tool) {
    try {
      return JsonSchemaCheck.of(tool.parameters());
    } catch (EvaluationException e) {
      throw new EvaluationException("tool " + quote(tool.name()) + " has an " + e.getMessage(), e);
    }
  }
}
