package dev.ltb.suite.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.AssertionSet;
import dev.ltb.suite.AssertionSpec;
import dev.ltb.suite.DerivedMetric;
import dev.ltb.suite.PluginUse;
import dev.ltb.suite.ProviderLimits;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.RunOptions;
import dev.ltb.suite.TestCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the suite records from trees that passed validation, and applies promptfoo's test semantics:
 * {@code defaultTest} merging and the expansion of list-valued vars into one test per combination.
 */
final class SuiteAssembler {

  private SuiteAssembler() {}

  /** A test as written, before defaultTest is merged in and its vars are expanded. */
  record TestDraft(
      String description,
      Map<String, Object> vars,
      List<AssertionSpec> asserts,
      Double threshold,
      Map<String, Object> metadata,
      ProviderSpec grader,
      Boolean disableVarExpansion,
      PluginUse transform,
      PluginUse scorer) {

    static final TestDraft EMPTY = new TestDraft(null, Map.of(), List.of(), null, Map.of(), null, null, null, null);
  }

  static TestDraft draft(JsonNode test) {
    List<AssertionSpec> asserts = new ArrayList<>();
    test.path("assert").forEach(item -> asserts.add(assertion(item)));
    JsonNode options = test.path("options");
    return new TestDraft(
        text(test, "description"),
        map(test.get("vars")),
        asserts,
        number(test, "threshold"),
        map(test.get("metadata")),
        options.has("provider") ? provider(options.get("provider")) : null,
        options.has("disableVarExpansion") ? options.get("disableVarExpansion").asBoolean() : null,
        pluginUse(test.get("transform")),
        pluginUse(test.get("scorer")));
  }

  /** A transform or scorer: {@code plugin:<name>} or {@code {type: plugin:<name>, config: {...}}}. */
  static PluginUse pluginUse(JsonNode use) {
    if (use == null || use.isNull()) return null;
    String type = (use.isObject() ? use.get("type") : use).asText();
    JsonNode config = use.isObject() ? use.get("config") : null;
    return new PluginUse(
        type.substring(VocabularyCheck.PLUGIN.length()), config == null ? null : config.deepCopy());
  }

  /**
   * promptfoo's merge: vars and metadata combined (the test's win), the base's assertions first, then the
   * test's; threshold, grader, options, transform and scorer from the test when it sets them.
   */
  static TestDraft merge(TestDraft base, TestDraft test) {
    Map<String, Object> vars = new LinkedHashMap<>(base.vars());
    vars.putAll(test.vars());
    List<AssertionSpec> asserts = new ArrayList<>(base.asserts());
    asserts.addAll(test.asserts());
    Map<String, Object> metadata = new LinkedHashMap<>(base.metadata());
    metadata.putAll(test.metadata());
    return new TestDraft(
        test.description() != null ? test.description() : base.description(),
        vars,
        asserts,
        test.threshold() != null ? test.threshold() : base.threshold(),
        metadata,
        test.grader() != null ? test.grader() : base.grader(),
        test.disableVarExpansion() != null ? test.disableVarExpansion() : base.disableVarExpansion(),
        test.transform() != null ? test.transform() : base.transform(),
        test.scorer() != null ? test.scorer() : base.scorer());
  }

  /**
   * One test per combination of list-valued vars (promptfoo's cartesian product, first var outermost). A
   * list whose first element is not a string stays one value, as in promptfoo.
   */
  static List<TestCase> expand(TestDraft draft) {
    List<Map<String, Object>> combinations = new ArrayList<>();
    combinations.add(new LinkedHashMap<>());
    boolean expand = !Boolean.TRUE.equals(draft.disableVarExpansion());
    for (Map.Entry<String, Object> var : draft.vars().entrySet()) {
      List<?> values =
          expand && var.getValue() instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof String
              ? list
              : java.util.Collections.singletonList(var.getValue());
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> combination : combinations) {
        for (Object value : values) {
          Map<String, Object> vars = new LinkedHashMap<>(combination);
          vars.put(var.getKey(), value);
          next.add(vars);
        }
      }
      combinations = next;
    }
    List<TestCase> tests = new ArrayList<>();
    for (Map<String, Object> vars : combinations) {
      tests.add(
          new TestCase(
              draft.description(), vars, draft.asserts(), draft.threshold(), draft.metadata(), draft.grader(),
              draft.transform(), draft.scorer()));
    }
    return tests;
  }

  static AssertionSpec assertion(JsonNode item) {
    String type = item.get("type").asText();
    double weight = item.has("weight") ? item.get("weight").asDouble() : 1.0;
    String metric = text(item, "metric");
    if (type.equals(VocabularyCheck.ASSERT_SET)) {
      List<AssertionSpec> children = new ArrayList<>();
      item.get("assert").forEach(child -> children.add(assertion(child)));
      return new AssertionSet(children, number(item, "threshold"), weight, metric);
    }
    boolean negated = type.startsWith(VocabularyCheck.NOT);
    JsonNode value = item.get("value");
    JsonNode config = item.get("config");
    return new Assertion(
        negated ? type.substring(VocabularyCheck.NOT.length()) : type,
        negated,
        value == null || value.isNull() ? null : value.deepCopy(),
        number(item, "threshold"),
        weight,
        metric,
        config == null ? null : config.deepCopy(),
        item.hasNonNull("provider") ? provider(item.get("provider")) : null);
  }

  /** The suite's {@code derivedMetrics}, in the order written. */
  static List<DerivedMetric> derivedMetrics(JsonNode metrics) {
    List<DerivedMetric> derived = new ArrayList<>();
    if (metrics == null || !metrics.isArray()) return derived;
    metrics.forEach(metric -> derived.add(new DerivedMetric(metric.get("name").asText(), metric.get("value").asText())));
    return derived;
  }

  /** A provider written as an id string or as an object. */
  static ProviderSpec provider(JsonNode provider) {
    if (provider.isTextual()) return ProviderSpec.of(provider.asText());
    JsonNode rateLimit = provider.path("rateLimit");
    ProviderLimits limits =
        new ProviderLimits(
            provider.has("maxConcurrency") ? provider.get("maxConcurrency").asInt() : null,
            rateLimit.has("requestsPerSecond") ? rateLimit.get("requestsPerSecond").asDouble() : null,
            rateLimit.has("burst") ? rateLimit.get("burst").asInt() : null);
    JsonNode config = provider.get("config");
    return new ProviderSpec(
        provider.get("id").asText(), text(provider, "label"), config == null ? null : config.deepCopy(), limits);
  }

  /** Run options; keys left out take the defaults documented in {@link RunOptions}. */
  static RunOptions options(JsonNode options) {
    if (options == null || !options.isObject()) return RunOptions.defaults();
    return new RunOptions(
        options.path("repeat").asInt(RunOptions.DEFAULT_REPEAT),
        options.path("maxConcurrency").asInt(RunOptions.DEFAULT_MAX_CONCURRENCY),
        options.has("timeoutMs")
            ? Duration.ofMillis(options.get("timeoutMs").asLong())
            : RunOptions.DEFAULT_ITEM_TIMEOUT,
        options.path("maxRetries").asInt(RunOptions.DEFAULT_MAX_RETRIES),
        options.path("shardSize").asInt(RunOptions.DEFAULT_SHARD_SIZE),
        options.has("maxCostUsd") ? options.get("maxCostUsd").asDouble() : null);
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Double number(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asDouble();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode node) {
    if (node == null || !node.isObject()) return Map.of();
    return Json.mapper().convertValue(node, LinkedHashMap.class);
  }
}
