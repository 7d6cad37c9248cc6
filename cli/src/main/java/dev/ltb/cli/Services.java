package dev.ltb.cli;

import dev.ltb.engine.RetrySettings;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluatorInventory;
import dev.ltb.evaluator.EvaluatorRegistry;
import dev.ltb.evaluator.judge.Judges;
import dev.ltb.engine.TestScorer;
import dev.ltb.local.history.SqliteRunHistory;
import dev.ltb.plugin.PluginLocator;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.plugin.PluginSupport;
import dev.ltb.plugin.SuitePlugins;
import dev.ltb.plugins.bundled.BundledPlugins;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.cache.CachingProvider;
import dev.ltb.provider.cache.ResponseCache;
import dev.ltb.run.LocalRunner;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.suite.Suite;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteVocabulary;
import java.nio.file.Path;
import dev.ltb.wasm.ChicoryPluginRuntime;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the core services the commands use, in one place, with every default visible here. */
final class Services {

  private final EvaluatorRegistry evaluators = BuiltInEvaluators.registry();
  private final ProviderRegistry providers = withAws(BuiltInProviders.registry());
  private ChicoryPluginRuntime pluginRuntime;

  /** The core registry cannot see the AWS adapter; the CLI adds its providers (Bedrock) here. */
  private static ProviderRegistry withAws(ProviderRegistry core) {
    ProviderRegistry all = core;
    for (var factory : dev.ltb.aws.AwsProviders.factories()) all = all.with(factory);
    return all;
  }

  EvaluatorRegistry evaluators() {
    return evaluators;
  }

  ProviderRegistry providers() {
    return providers;
  }

  SuiteLoader suiteLoader() {
    var requiringValue =
        evaluators.descriptors().stream()
            .filter(descriptor -> descriptor.valueRequired())
            .map(descriptor -> descriptor.id())
            .collect(java.util.stream.Collectors.toSet());
    PluginSupport plugins = new PluginSupport(pluginLocator(), (manifest, module) -> pluginRuntime().load(manifest, module));
    return new SuiteLoader(new SuiteVocabulary(evaluators.ids(), requiringValue, providers::supports, plugins));
  }

  /**
   * The plugin host, built on first use (one per process: it caches each compiled module by content hash), with
   * the bundled plugins' machines compiled at build time.
   */
  synchronized ChicoryPluginRuntime pluginRuntime() {
    if (pluginRuntime == null) pluginRuntime = BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).build();
    return pluginRuntime;
  }

  /** Plugins by path, or bundled ones by name. */
  PluginLocator pluginLocator() {
    return new PluginLocator(BundledPlugins.catalog());
  }

  /** The suite a past run was started with, as stored with it. */
  Suite storedSuite(RunHistory history, String runIdOrPrefix) {
    RunRecord run =
        history
            .find(runIdOrPrefix)
            .orElseThrow(() -> new UserInputException("no run " + runIdOrPrefix + "; ltb list shows the runs"));
    return history
        .suite(run.runId())
        .orElseThrow(() -> new UserInputException("run " + run.runId() + " has no stored suite"));
  }

  RunHistory openHistory(HistoryOption option) {
    Path file =
        option != null && option.file != null
            ? option.file
            : SqliteRunHistory.defaultLocation(Path.of("").toAbsolutePath());
    return SqliteRunHistory.open(file);
  }

  /**
   * A runner for suites without plugins (the bench's generated ones) whose providers call their vendor every
   * time (no response cache).
   */
  LocalRunner runner(RunHistory history, Path suiteDirectory) {
    return runner(history, suiteDirectory, Optional.empty(), null);
  }

  /**
   * A runner of {@code suite} whose providers, judges included, answer from {@code cache} when the same call was
   * made before. The run has judges of its own (their in-memory cache lives as long as the run) reading files
   * relative to the suite's folder, and the suite's plugins: its {@code plugin:<name>} evaluators beside the
   * built-in ones, and each test's transform and scorer around its assertions.
   */
  LocalRunner runner(RunHistory history, Path suiteDirectory, Optional<ResponseCache> cache, Suite suite) {
    ProviderRegistry registry =
        cache.map(responses -> providers.decoratedWith(CachingProvider.decorator(responses))).orElse(providers);
    ProviderContext context = ProviderContext.defaults(suiteDirectory);
    SuitePlugins plugins =
        suite == null || suite.plugins().isEmpty()
            ? SuitePlugins.none()
            : SuitePlugins.load(suite, pluginRuntime(), pluginLocator());
    EvaluatorRegistry runEvaluators =
        BuiltInEvaluators.registry(new Judges(registry, context)).with(plugins.evaluators());
    TestScorer scorer = plugins.around(new AssertionRunner(runEvaluators)::run);
    return new LocalRunner(
        history,
        registry,
        context,
        scorer,
        run -> {
          Map<String, String> judgedBy = new TreeMap<>(EvaluatorInventory.of(run, runEvaluators));
          judgedBy.putAll(plugins.inventory());
          return judgedBy;
        },
        RetrySettings.DEFAULT,
        Clock.systemUTC());
  }
}
