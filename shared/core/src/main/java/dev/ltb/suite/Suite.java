package dev.ltb.suite;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A validated evaluation suite: every prompt is run against every provider for every test case.
 *
 * @param description what the suite evaluates, shown in reports
 * @param prompts the prompt templates, in suite order
 * @param providers the models under test, in suite order
 * @param tests the test cases, already merged with {@code defaultTest} and with array vars expanded
 * @param options how the run executes (repeat, concurrency, timeouts, retries, budget)
 * @param source where the suite came from (a file path or "inline"), used in messages
 * @param derivedMetrics scores computed per result from its named scores, in suite order
 * @param plugins the WebAssembly plugins the suite uses, each pinned to the module hash checked at load
 * @param datasets the uploaded datasets its tests were read from, each pinned to the version read
 */
public record Suite(
    String description,
    List<Prompt> prompts,
    List<ProviderSpec> providers,
    List<TestCase> tests,
    RunOptions options,
    String source,
    List<DerivedMetric> derivedMetrics,
    List<PluginSpec> plugins,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DatasetPin> datasets) {

  public Suite {
    description = description == null ? "" : description;
    prompts = List.copyOf(prompts);
    providers = List.copyOf(providers);
    tests = List.copyOf(tests);
    options = Objects.requireNonNullElse(options, RunOptions.defaults());
    source = Objects.requireNonNullElse(source, "inline");
    derivedMetrics = derivedMetrics == null ? List.of() : List.copyOf(derivedMetrics);
    plugins = plugins == null ? List.of() : List.copyOf(plugins);
    datasets = datasets == null ? List.of() : List.copyOf(datasets);
    if (prompts.isEmpty()) throw new IllegalArgumentException("a suite needs at least one prompt");
    if (providers.isEmpty()) throw new IllegalArgumentException("a suite needs at least one provider");
  }

  /** A suite whose tests name no uploaded dataset. */
  public Suite(
      String description,
      List<Prompt> prompts,
      List<ProviderSpec> providers,
      List<TestCase> tests,
      RunOptions options,
      String source,
      List<DerivedMetric> derivedMetrics,
      List<PluginSpec> plugins) {
    this(description, prompts, providers, tests, options, source, derivedMetrics, plugins, List.of());
  }

  /** A suite without plugins. */
  public Suite(
      String description,
      List<Prompt> prompts,
      List<ProviderSpec> providers,
      List<TestCase> tests,
      RunOptions options,
      String source,
      List<DerivedMetric> derivedMetrics) {
    this(description, prompts, providers, tests, options, source, derivedMetrics, List.of(), List.of());
  }

  /** A suite without derived metrics. */
  public Suite(
      String description,
      List<Prompt> prompts,
      List<ProviderSpec> providers,
      List<TestCase> tests,
      RunOptions options,
      String source) {
    this(description, prompts, providers, tests, options, source, List.of(), List.of(), List.of());
  }

  /** The same suite run with other options (everything else, derived metrics, plugins and datasets included, kept). */
  public Suite withOptions(RunOptions options) {
    return new Suite(description, prompts, providers, tests, options, source, derivedMetrics, plugins, datasets);
  }

  /** Number of work items the suite expands to: tests × prompts × providers × repeat. */
  public long itemCount() {
    return (long) Math.max(1, tests.size()) * prompts.size() * providers.size() * options.repeat();
  }
}
