package dev.ltb.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.pipeline.SelfContainedSuite;
import dev.ltb.pipeline.StoredDatasets;
import dev.ltb.plugin.PluginSupport;
import dev.ltb.tenancy.TenantId;
import dev.ltb.suite.Suite;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteProblem;
import dev.ltb.suite.load.SuiteValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Suite text sent to the API: checked with the same loader and JSON Schema as {@code ltb run} plus the cloud's rule
 * that a suite carries everything in itself (no {@code file://}). A bad suite is refused before anything is stored.
 */
final class SuiteTexts {

  /** Suites in the cloud have no files beside them. */
  private static final Path NO_FILES = Path.of("/nonexistent/ltb-cloud-suites-have-no-files");

  /** Largest suite text accepted (bytes of UTF-8). */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  private final SuiteLoader loader;
  private final BlobStore blobs;
  private final Function<String, PluginSupport> plugins;

  /**
   * @param blobs where the tenants' datasets are, so a suite naming one is checked against it
   * @param plugins where a tenant's suites find plugins (bundled and uploaded), or null where there are none: the
   *     same check the plan step makes, so a suite pinning an uploaded plugin is accepted here and runs there
   */
  SuiteTexts(SuiteLoader loader, BlobStore blobs, Function<String, PluginSupport> plugins) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.plugins = plugins;
  }

  private SuiteLoader loaderFor(TenantId tenant) {
    SuiteLoader withDatasets = loader.withDatasets(new StoredDatasets(blobs, tenant.value()));
    return plugins == null ? withDatasets : withDatasets.withPlugins(plugins.apply(tenant.value()));
  }

  /** {@code yaml} or {@code json}: the given format, else guessed from the first character. */
  static String format(String format, String text) {
    if (format == null || format.isBlank()) return text.stripLeading().startsWith("{") ? "json" : "yaml";
    String normalized = format.toLowerCase(Locale.ROOT);
    if (normalized.equals("yml")) return "yaml";
    if (!normalized.equals("yaml") && !normalized.equals("json"))
      throw ApiException.invalidField("format", "must be yaml or json, was " + dev.ltb.tenancy.Ids.describe(format));
    return normalized;
  }

  /** The parsed suite, or a 422 problem naming each bad field with its line and column. */
  Suite validate(String text, String fileName, TenantId tenant) {
    if (text == null || text.isBlank()) throw ApiException.invalidField("suite", "must not be empty");
    if (text.length() > MAX_BYTES)
      throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "a suite may have at most " + MAX_BYTES + " bytes");
    List<SuiteProblem> references = SelfContainedSuite.problems(text, fileName);
    try {
      if (!references.isEmpty()) throw new SuiteValidationException(references);
      return loaderFor(tenant).parse(text, fileName, NO_FILES);
    } catch (SuiteValidationException e) {
      throw new ApiException(Problems.suite(e));
    }
  }

  /** The suite text with {@code vars} merged into {@code defaultTest.vars} (an inbound webhook's variables). */
  static String withVars(String text, String format, Map<String, String> vars) {
    if (vars.isEmpty()) return text;
    ObjectMapper mapper = format.equals("json") ? Json.mapper() : Json.yaml();
    try {
      JsonNode root = mapper.readTree(text);
      if (!(root instanceof ObjectNode suite)) return text; // the loader reports the shape
      JsonNode defaults = suite.get("defaultTest");
      ObjectNode defaultTest = defaults instanceof ObjectNode o ? o : suite.putObject("defaultTest");
      JsonNode existing = defaultTest.get("vars");
      ObjectNode merged = existing instanceof ObjectNode o ? o : defaultTest.putObject("vars");
      vars.forEach(merged::put);
      return mapper.writeValueAsString(suite);
    } catch (JsonProcessingException e) {
      return text; // a syntax error is reported with its position by validate()
    }
  }
}
