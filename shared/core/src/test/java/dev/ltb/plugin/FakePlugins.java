package dev.ltb.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.util.Set;
import java.util.function.BinaryOperator;

/** Plugins behind the port with their answers written in Java, for the core's own tests (Chicory is not here). */
final class FakePlugins {

  private FakePlugins() {}

  static Plugin plugin(String name, PluginKind kind, String configSchema, BinaryOperator<JsonNode> call) {
    PluginManifest manifest =
        new PluginManifest(name, "1.2.0", kind, null, name + ".wasm", "c".repeat(64), json(configSchema), Set.of(), null);
    return new Plugin() {
      @Override
      public PluginManifest manifest() {
        return manifest;
      }

      @Override
      public JsonNode call(JsonNode input, JsonNode config) {
        return call.apply(input, config);
      }
    };
  }

  static JsonNode json(String text) {
    try {
      return text == null ? null : Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
