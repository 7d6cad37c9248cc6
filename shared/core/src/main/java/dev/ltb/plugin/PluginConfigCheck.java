package dev.ltb.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ltb.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a use's {@code config} against the plugin's {@code configSchema}. A suite has few distinct configs
 * and calls a plugin for every item, so each distinct config is validated once and the answer remembered.
 */
public final class PluginConfigCheck {

  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final int MAX_REMEMBERED = 256;
  private static final String VALID = "";

  private final Schema schema;
  private final Map<JsonNode, String> verdicts = new ConcurrentHashMap<>();

  public PluginConfigCheck(PluginManifest manifest) {
    this.schema = manifest.configSchema() == null ? null : compile(manifest);
  }

  /** The problem with a config, or empty when it satisfies the schema (or the plugin has none). */
  public Optional<String> problem(JsonNode config) {
    if (schema == null) return Optional.empty();
    String verdict = verdicts.get(config);
    if (verdict == null) {
      List<Error> errors = schema.validate(Json.write(config), InputFormat.JSON);
      verdict = errors.isEmpty() ? VALID : String.join("; ", errors.stream().map(PluginConfigCheck::describe).toList());
      if (verdicts.size() >= MAX_REMEMBERED) verdicts.clear();
      verdicts.put(config.deepCopy(), verdict);
    }
    return verdict.isEmpty() ? Optional.empty() : Optional.of(verdict);
  }

  private static String describe(Error error) {
    String at = String.valueOf(error.getInstanceLocation());
    return at.isEmpty() || at.equals("$") ? error.getMessage() : at + ": " + error.getMessage();
  }

  /** A use's config over the declaration's: top-level keys of the use win. Either may be null. */
  public static JsonNode merge(JsonNode defaults, JsonNode use) {
    boolean noDefaults = defaults == null || !defaults.isObject() || defaults.isEmpty();
    boolean noUse = use == null || use.isNull();
    if (noDefaults) return noUse ? JsonNodeFactory.instance.objectNode() : use;
    if (noUse) return defaults;
    if (!use.isObject()) return use; // not an object: the schema check names the problem
    ObjectNode merged = ((ObjectNode) defaults).deepCopy();
    merged.setAll((ObjectNode) use);
    return merged;
  }

  private static Schema compile(PluginManifest manifest) {
    try {
      Schema compiled = SCHEMAS.getSchema(Json.write(manifest.configSchema()), InputFormat.JSON);
      compiled.initializeValidators();
      return compiled;
    } catch (RuntimeException e) {
      throw new PluginException.InvalidManifest(
          "plugin " + manifest.name() + ": configSchema is not a valid JSON Schema: " + e.getMessage(), e);
    }
  }
}
