package dev.ltb.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ltb.json.Json;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The file beside a plugin module ({@code plugin.json}) that says what the module is and how it may run.
 *
 * @param name kebab-case; suites use it as {@code type: plugin:<name>}
 * @param version the plugin's version, recorded with every run it judged
 * @param kind evaluator, transform or scorer
 * @param description one line for listings, may be null
 * @param module the module's file name, relative to the manifest
 * @param sha256 the module's content hash (lowercase hex); the module is refused when its bytes differ
 * @param configSchema JSON Schema the {@code config} of each use must satisfy, or null for any config
 * @param capabilities what the plugin needs from the host; v1 grants only {@code log} and {@code config}
 * @param limits memory, time and output limits for each call
 */
public record PluginManifest(
    String name,
    String version,
    PluginKind kind,
    String description,
    String module,
    String sha256,
    JsonNode configSchema,
    Set<String> capabilities,
    PluginLimits limits) {

  /** The capabilities a v1 host grants; any other one declared in a manifest is refused at load. */
  public static final Set<String> GRANTABLE_CAPABILITIES = Set.of("log", "config");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public PluginManifest {
    require(name != null && NAME.matcher(name).matches(), "name must be kebab-case (e.g. my-check), was " + name);
    require(version != null && !version.isBlank(), "version is required (e.g. 1.0.0)");
    require(kind != null, "kind is required: evaluator, transform or scorer");
    require(module != null && !module.isBlank(), "module is required: the .wasm file name beside the manifest");
    sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
    require(
        sha256 != null && SHA256.matcher(sha256).matches(),
        "sha256 is required: the module's SHA-256 as 64 hex digits (plugins/build.sh writes it)");
    configSchema = configSchema == null || configSchema.isNull() ? null : configSchema;
    capabilities = capabilities == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(capabilities));
    limits = limits == null ? PluginLimits.DEFAULTS : limits;
  }

  /** Reads a manifest; {@code source} names the file in error messages. */
  public static PluginManifest parse(String json, String source) {
    Objects.requireNonNull(source, "source");
    try {
      return Json.mapper().readValue(json, PluginManifest.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new PluginException.InvalidManifest(source + ": " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new PluginException.InvalidManifest(source + ": " + e.getOriginalMessage(), e);
    }
  }

  /** The id suites use for an evaluator plugin: {@code plugin:<name>}. */
  public String evaluatorId() {
    return "plugin:" + name;
  }

  /** This manifest with another content hash (what a build writes after compiling the module). */
  public PluginManifest withSha256(String newSha256) {
    return new PluginManifest(name, version, kind, description, module, newSha256, configSchema, capabilities, limits);
  }

  /** This manifest with other limits (a suite's own, within the host's ceilings). */
  public PluginManifest withLimits(PluginLimits newLimits) {
    return new PluginManifest(name, version, kind, description, module, sha256, configSchema, capabilities, newLimits);
  }

  public String toJson() {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize manifest " + name, e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) throw new IllegalArgumentException("plugin manifest: " + message);
  }
}
