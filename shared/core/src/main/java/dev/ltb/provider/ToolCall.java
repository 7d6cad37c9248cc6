package dev.ltb.provider;

import java.util.Objects;

/** A tool (function) call the model asked for, in one shape for every vendor. */
public record ToolCall(String id, String name, String argumentsJson) {
  public ToolCall {
    Objects.requireNonNull(name, "name");
    argumentsJson = argumentsJson == null ? "{}" : argumentsJson;
  }
}
