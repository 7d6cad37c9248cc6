package dev.ltb.suite.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.plugin.PluginKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checks a JSON Schema cannot make because they depend on what this bench can run: assertion types
 * the evaluator registry knows, values the type needs, provider ids a provider factory resolves. Works on
 * trees that may still have schema errors, so it only looks at nodes of the expected shape.
 */
final class VocabularyCheck {

  static final String NOT = "not-";
  static final String PLUGIN = "plugin:";
  static final String ASSERT_SET = "assert-set";

  /** promptfoo types that cannot work here, with the reason a user reads. */
  private static final Map<String, String> UNSUPPORTED =
      Map.of(
          "select-best",
          "it compares the outputs of every provider and prompt for a test, but the bench scores each output on"
              + " its own (possibly in different workers); use llm-rubric or g-eval on each output and compare the"
              + " scores in the report or with ltb compare",
          "max-score",
          "it compares the outputs of every provider and prompt for a test, but the bench scores each output on"
              + " its own; compare the test scores in the report or with ltb compare instead");

  /**
   * Where a suite uses a plugin: {@code type: plugin:<name>} (an evaluator), a test's {@code transform:} or
   * {@code scorer:}.
   *
   * @param at the node naming the plugin
   * @param config the use's config node, or null
   * @param configAt where the config is (or would be) written
   */
  record PluginUseRef(
      SourceDocument document, FieldPath at, String name, PluginKind kind, JsonNode config, FieldPath configAt) {}

  private final SuiteVocabulary vocabulary;
  private final List<SuiteProblem> problems;
  private final List<PluginUseRef> pluginUses = new ArrayList<>();

  VocabularyCheck(SuiteVocabulary vocabulary, List<SuiteProblem> problems) {
    this.vocabulary = vocabulary;
    this.problems = problems;
  }

  /** Every plugin use seen by the checks so far, in the order written. */
  List<PluginUseRef> pluginUses() {
    return pluginUses;
  }

  void checkTest(SourceDocument document, FieldPath path, JsonNode test) {
    if (test == null || !test.isObject()) return;
    checkAssertList(document, path.key("assert"), test.get("assert"));
    collectPluginUse(document, path.key("transform"), test.get("transform"), PluginKind.TRANSFORM);
    collectPluginUse(document, path.key("scorer"), test.get("scorer"), PluginKind.SCORER);
    JsonNode grader = test.path("options").get("provider");
    if (grader != null) checkProviderId(document, path.key("options").key("provider"), grader);
  }

  void checkAssertList(SourceDocument document, FieldPath path, JsonNode asserts) {
    if (asserts == null || !asserts.isArray()) return;
    for (int i = 0; i < asserts.size(); i++) checkAssertItem(document, path.index(i), asserts.get(i));
  }

  private void checkAssertItem(SourceDocument document, FieldPath path, JsonNode item) {
    if (!item.isObject() || !item.path("type").isTextual()) return;
    String type = item.get("type").asText();
    if (type.equals(ASSERT_SET)) {
      checkAssertList(document, path.key("assert"), item.get("assert"));
      return;
    }
    boolean negated = type.startsWith(NOT);
    String base = negated ? type.substring(NOT.length()) : type;
    FieldPath typePath = path.key("type");
    if (base.equals(ASSERT_SET)) {
      problems.add(document.problem(typePath, "an assert-set cannot be negated; negate the assertions inside it"));
    } else if (base.startsWith(PLUGIN)) {
      if (base.length() == PLUGIN.length()) {
        problems.add(document.problem(typePath, "plugin: needs the plugin's name, e.g. plugin:word-budget"));
      } else {
        pluginUses.add(
            new PluginUseRef(
                document, typePath, base.substring(PLUGIN.length()), PluginKind.EVALUATOR, item.get("config"),
                path.key("config")));
      }
    } else if (!vocabulary.assertionTypes().contains(base)) {
      String problem =
          UNSUPPORTED.containsKey(base)
              ? "assertion type \"" + type + "\" is not supported: " + UNSUPPORTED.get(base)
              : unknownType(type, base, negated);
      problems.add(document.problem(typePath, problem));
    } else if (vocabulary.typesRequiringValue().contains(base)) {
      JsonNode value = item.get("value");
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
        problems.add(
            document.problem(
                path.key("value"),
                "assertion type \"%s\" needs a value (what to compare the output with)".formatted(type)));
      }
    }
    JsonNode grader = item.get("provider");
    if (grader != null) checkProviderId(document, path.key("provider"), grader);
  }

  /** A transform or scorer written as plugin:<name> or {type: plugin:<name>, config}; the schema checks shapes. */
  private void collectPluginUse(SourceDocument document, FieldPath path, JsonNode use, PluginKind kind) {
    if (use == null) return;
    JsonNode type = use.isObject() ? use.get("type") : use;
    if (type == null || !type.isTextual() || !type.asText().startsWith(PLUGIN)) return;
    String name = type.asText().substring(PLUGIN.length());
    if (name.isEmpty()) return;
    FieldPath at = use.isObject() ? path.key("type") : path;
    pluginUses.add(
        new PluginUseRef(document, at, name, kind, use.isObject() ? use.get("config") : null, path.key("config")));
  }

  private String unknownType(String type, String base, boolean negated) {
    String message = "unknown assertion type \"" + type + "\"";
    var suggestion = Suggestions.closest(base, vocabulary.assertionTypes());
    if (suggestion.isPresent()) {
      return message + "; did you mean \"" + (negated ? NOT : "") + suggestion.get() + "\"?";
    }
    return message
        + "; known types: "
        + String.join(", ", new TreeSet<>(vocabulary.assertionTypes()))
        + " (each may take the not- prefix; plugin:<name> runs a WASM plugin)";
  }

  /** Checks a provider written as an id string or as an object with an id. */
  void checkProviderId(SourceDocument document, FieldPath path, JsonNode provider) {
    FieldPath idPath = provider.isObject() ? path.key("id") : path;
    JsonNode id = provider.isObject() ? provider.get("id") : provider;
    if (id == null || !id.isTextual() || id.asText().isEmpty()) return;
    if (!vocabulary.providerSupported().test(id.asText())) {
      problems.add(
          document.problem(
              idPath,
              ("unknown provider id \"%s\"; no installed provider handles it (ids look like vendor:api:model,"
                      + " e.g. openai:chat:gpt-4o-mini; see docs/providers.md)")
                  .formatted(id.asText())));
    }
  }
}
