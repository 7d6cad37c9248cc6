package dev.ltb.suite.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the schema validator's errors into messages that say what is wrong and what is allowed. */
final class SchemaMessages {

  private SchemaMessages() {}

  /** Keys promptfoo knows that we reject, with the reason and what to do instead. */
  private static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          Map.entry(
              "/$defs/providerObject prompts",
              "provider-specific prompts are not supported: every prompt runs on every provider; "
                  + "split the suite to pair prompts with providers"),
          Map.entry(
              "/$defs/providerObject transform",
              "output transforms run JavaScript, which the bench does not execute; give the test a transform"
                  + " plugin instead (transform: plugin:<name>, see docs/plugins.md)"),
          Map.entry(
              "/$defs/assertion transform",
              "output transforms run JavaScript, which the bench does not execute; give the test a transform"
                  + " plugin instead (transform: plugin:<name>, see docs/plugins.md)"),
          Map.entry(
              "/$defs/testOptions transform",
              "output transforms run JavaScript, which the bench does not execute; give the test a transform"
                  + " plugin instead (transform: plugin:<name>, see docs/plugins.md)"),
          Map.entry(
              "/$defs/assertion provider",
              "a per-assertion grader is not supported; set the test's grader with options.provider "
                  + "(or defaultTest.options.provider)"),
          Map.entry(
              "/$defs/promptObject config",
              "per-prompt provider config is not supported; put these options in the provider's config"),
          Map.entry("/$defs/assertion $ref", "\"$ref\" must be the only key of an assertion that uses a template"),
          Map.entry("/$defs/assertSet $ref", "\"$ref\" must be the only key of an assertion that uses a template"),
          Map.entry(" targets", "\"targets\" is promptfoo's other name for \"providers\"; write \"providers\""),
          Map.entry(" redteam", "red-team configurations are not supported"));

  private static final Map<String, String> REQUIRED_HINTS =
      Map.of(
          "prompts", "list at least one prompt template, e.g. prompts: ['Answer briefly: {{question}}']",
          "providers", "list at least one provider, e.g. providers: [echo]",
          "type", "every assertion needs a type such as contains, equals or llm-rubric",
          "assert", "an assert-set groups assertions: give it an \"assert\" list",
          "id", "a provider needs an id such as openai:chat:gpt-4o-mini or echo",
          "requestsPerSecond", "rateLimit needs requestsPerSecond, a number > 0",
          "config", "a scenario needs a \"config\" list of vars to combine with its tests");

  private static final Map<String, String> SHAPE_HINTS =
      Map.of(
          "providers", "write a list such as [echo], or entries with an id (- id: openai:chat:gpt-4o-mini)",
          "prompts", "write a list of prompt templates or file:// references",
          "tests", "write a list of tests, or a file:// reference such as file://tests.csv",
          "vars", "vars map each name to a value, e.g. vars: {question: What is 2 + 2?}",
          "assert", "list the assertions, each with a type (- type: contains)");

  static SuiteProblem toProblem(SourceDocument document, Error error, SuiteSchema.Part part) {
    FieldPath at = SuiteSchema.fieldPath(error.getInstanceLocation());
    NodePath keywordLocation = error.getSchemaLocation().getFragment();
    JsonNode keywordValue = SuiteSchema.schemaAt(keywordLocation);
    NodePath container = keywordLocation.getParent();
    JsonNode instance = nodeAt(document.root(), at);
    String keyword = error.getKeyword();
    return switch (keyword == null ? "" : keyword) {
      case "type" ->
          document.problem(
              at, "must be " + expected(keywordValue) + ", got " + describe(instance) + shapeHint(at, part));
      case "required" -> {
        FieldPath missing = at.key(error.getProperty());
        String hint = REQUIRED_HINTS.get(error.getProperty());
        yield document.problem(missing, "required key is missing" + (hint == null ? "" : "; " + hint));
      }
      case "additionalProperties" -> {
        FieldPath extra = at.key(error.getProperty());
        yield document.keyProblem(extra, unknownKey(error.getProperty(), container));
      }
      case "minimum" -> document.problem(at, "must be >= " + number(keywordValue) + ", got " + describe(instance));
      case "exclusiveMinimum" ->
          document.problem(at, "must be > " + number(keywordValue) + ", got " + describe(instance));
      case "maximum" -> document.problem(at, "must be <= " + number(keywordValue) + ", got " + describe(instance));
      case "exclusiveMaximum" ->
          document.problem(at, "must be < " + number(keywordValue) + ", got " + describe(instance));
      case "minItems" -> document.problem(at, "must not be an empty list" + shapeHint(at, part));
      case "minLength" -> document.problem(at, "must not be empty");
      case "pattern" -> document.problem(at, patternMessage(keywordValue, instance, error));
      case "const" -> document.problem(at, "must be " + describe(keywordValue) + ", got " + describe(instance));
      default -> document.problem(at, error.getMessage());
    };
  }

  private static String patternMessage(JsonNode pattern, JsonNode instance, Error error) {
    String regex = pattern == null ? "" : pattern.asText();
    if (regex.startsWith("^(file|dataset)://"))
      return "must be a file:// reference such as file://tests.csv, or an uploaded dataset such as"
          + " dataset://capital-cities, got " + describe(instance);
    if (regex.startsWith("^file://")) return "must be a file:// reference such as file://tests.csv, got " + describe(instance);
    if (regex.startsWith("^plugin:"))
      return "must be plugin:<name> with a kebab-case name (e.g. plugin:strip-think), got " + describe(instance);
    if (regex.equals("^[0-9a-fA-F]{64}$"))
      return "must be the module's SHA-256: 64 hex digits (plugin.json's sha256), got " + describe(instance);
    if (regex.equals("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")) {
      String name = error.getProperty() != null ? error.getProperty() : instance == null ? "" : instance.asText();
      return "plugin names are kebab-case (e.g. word-budget), got " + quote(name);
    }
    return "must match " + regex + ", got " + describe(instance);
  }

  private static String unknownKey(String key, NodePath container) {
    String where = pointer(container);
    String unsupported = UNSUPPORTED.get(where + " " + key);
    if (unsupported != null) return "\"" + key + "\" is not supported here: " + unsupported;
    JsonNode schema = SuiteSchema.schemaAt(container);
    JsonNode properties = schema == null ? null : schema.get("properties");
    List<String> all = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    if (properties != null) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        all.add(property.getKey());
        String description = property.getValue().path("description").asText("");
        if (!property.getKey().startsWith("$") && !description.startsWith("promptfoo key")) {
          shown.add(property.getKey());
        }
      }
    }
    String message = "unknown key \"" + key + "\"";
    String suggestion = Suggestions.didYouMean(key, all);
    if (!suggestion.isEmpty()) return message + suggestion;
    String extension = where.isEmpty() ? " (prefix keys of your own with x-)" : "";
    return message + "; allowed keys: " + String.join(", ", shown) + extension;
  }

  private static String shapeHint(FieldPath at, SuiteSchema.Part part) {
    String key = at.lastKey();
    String hint = key == null ? null : SHAPE_HINTS.get(key);
    if (at.isRoot()) hint = part.rootHint;
    return hint == null ? "" : "; " + hint;
  }

  private static String expected(JsonNode types) {
    if (types == null) return "something else";
    List<String> names = new ArrayList<>();
    if (types.isArray()) types.forEach(type -> names.add(typeName(type.asText())));
    else names.add(typeName(types.asText()));
    return String.join(" or ", names);
  }

  private static String typeName(String type) {
    return switch (type) {
      case "string" -> "a string";
      case "array" -> "a list";
      case "object" -> "a map";
      case "number" -> "a number";
      case "integer" -> "a whole number";
      case "boolean" -> "true or false";
      default -> type;
    };
  }

  static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return "an empty value";
    if (node.isTextual()) return quote(node.asText());
    if (node.isNumber() || node.isBoolean()) return node.asText();
    if (node.isArray()) return "a list";
    return "a map";
  }

  static String quote(String text) {
    String oneLine = text.replace("\n", "\\n");
    return "\"" + (oneLine.length() <= 50 ? oneLine : oneLine.substring(0, 47) + "...") + "\"";
  }

  private static String number(JsonNode node) {
    return node == null ? "?" : node.asText();
  }

  private static String pointer(NodePath path) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) text.append('/').append(path.getElement(i));
    return text.toString();
  }

  static JsonNode nodeAt(JsonNode root, FieldPath path) {
    JsonNode node = root;
    for (Object segment : path.segments()) {
      if (node == null) return null;
      node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
    }
    return node;
  }
}
