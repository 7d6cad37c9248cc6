package dev.ltb.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * A test's {@code transform:} or {@code scorer:}: the plugin that runs and its configuration for this use.
 *
 * @param plugin the plugin's name (the suite writes {@code plugin:<name>})
 * @param config the use's configuration (merged over the declaration's {@code config}); an object
 */
public record PluginUse(String plugin, JsonNode config) {

  public static final String PREFIX = "plugin:";

  public PluginUse {
    Objects.requireNonNull(plugin, "plugin");
    config = config == null || config.isNull() ? JsonNodeFactory.instance.objectNode() : config;
  }

  /** How the suite names it: {@code plugin:<name>}. */
  public String id() {
    return PREFIX + plugin;
  }
}
