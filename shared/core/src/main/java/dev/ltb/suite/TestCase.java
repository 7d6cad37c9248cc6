package dev.ltb.suite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One test case: variables for the prompt templates and the assertions its output must satisfy.
 *
 * @param description shown in reports; defaults to a summary of the vars
 * @param vars template variables (strings, numbers, booleans, lists, maps)
 * @param asserts the assertions, in order
 * @param threshold if set, the test passes when its weighted score reaches it (instead of all asserts passing)
 * @param metadata free-form labels (e.g. {@code category}) used for filtering and per-category analysis
 * @param grader the model that grades this test's model-graded assertions ({@code options.provider} in the
 *     suite), or null for the default grader
 * @param transform the plugin that rewrites the output (or vars) before the assertions run, or null
 * @param scorer the plugin that turns the assertions' results into the test's verdict and score, or null
 */
public record TestCase(
    String description,
    Map<String, Object> vars,
    List<AssertionSpec> asserts,
    Double threshold,
    Map<String, Object> metadata,
    ProviderSpec grader,
    PluginUse transform,
    PluginUse scorer) {

  public TestCase {
    vars = vars == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    asserts = asserts == null ? List.of() : List.copyOf(asserts);
    metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    description = description == null || description.isBlank() ? describe(vars) : description;
  }

  /** A test without a transform or scorer plugin. */
  public TestCase(
      String description,
      Map<String, Object> vars,
      List<AssertionSpec> asserts,
      Double threshold,
      Map<String, Object> metadata,
      ProviderSpec grader) {
    this(description, vars, asserts, threshold, metadata, grader, null, null);
  }

  /** A test graded by the default grader. */
  public TestCase(
      String description,
      Map<String, Object> vars,
      List<AssertionSpec> asserts,
      Double threshold,
      Map<String, Object> metadata) {
    this(description, vars, asserts, threshold, metadata, null, null, null);
  }

  private static String describe(Map<String, Object> vars) {
    if (vars.isEmpty()) return "(no vars)";
    StringBuilder text = new StringBuilder();
    vars.forEach(
        (name, value) -> {
          if (!text.isEmpty()) text.append(", ");
          text.append(name).append('=').append(Objects.toString(value));
        });
    return text.length() <= 80 ? text.toString() : text.substring(0, 77) + "...";
  }
}
