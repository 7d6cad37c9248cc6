package dev.ltb.plugin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A loaded plugin: its module validated and compiled, ready to be called. Thread-safe: calls may run
 * concurrently, each in its own sandbox under the manifest's limits.
 */
public interface Plugin {

  PluginManifest manifest();

  /**
   * Calls the export of the plugin's kind ({@code evaluate}, {@code transform} or {@code score}).
   *
   * @param input the JSON input of the plugin's kind
   * @param config the use's configuration, readable through Extism's {@code config_get} (top-level keys;
   *     strings as they are, other values as JSON); an empty object when none
   * @return the plugin's output, parsed as JSON
   * @throws PluginException when the call fails, times out, breaks a limit or returns something that is not JSON
   */
  JsonNode call(JsonNode input, JsonNode config);
}
