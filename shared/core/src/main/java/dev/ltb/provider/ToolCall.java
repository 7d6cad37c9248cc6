package dev.ltb.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** A tool (function) call the model asked for, in one shape for every vendor. */
public record ToolCall(String id, String name, String argumentsJson) {
  public ToolCall {
    Objects.requireNonNull(name, "name");
    argumentsJson = argumentsJson == null ? "{}" : argumentsJson;
  }

  /**
   * The calls as the output of an answer that has no text (as promptfoo does, so text assertions see them):
   * a JSON array in the OpenAI shape {@code [{id, type: function, function: {name, arguments}}]}; empty text
   * when there are none.
   */
  public static String outputJson(List<ToolCall> calls) {
    if (calls.isEmpty()) return "";
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    for (ToolCall call : calls) {
      ObjectNode item = json.addObject();
      if (call.id() != null) item.put("id", call.id());
      item.put("type", "function");
      item.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
    }
    return json.toString();
  }
}
