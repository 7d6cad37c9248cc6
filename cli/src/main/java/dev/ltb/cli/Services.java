package dev.ltb.cli;

import dev.ltb.engine.RetrySettings;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluatorRegistry;
import dev.ltb.local.history.SqliteRunHistory;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.cache.CachingProvider;
import dev.ltb.provider.cache.ResponseCache;
import dev.ltb.run.LocalRunner;
import dev.ltb.run.RunHistory;
import dev.ltb.suite.Suite;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteVocabulary;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the core services the commands use, in one place, with every default visible here. */
final class Services {

  private final EvaluatorRegistry evaluators = BuiltInEvaluators.registry();
  private final ProviderRegistry providers = withAws(BuiltInProviders.registry());

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
    return new SuiteLoader(new SuiteVocabulary(evaluators.ids(), requiringValue, providers::supports));
  }

  RunHistory openHistory(HistoryOption option) {
    Path file =
        option != null && option.file != null
            ? option.file
            : SqliteRunHistory.defaultLocation(Path.of("").toAbsolutePath());
    return SqliteRunHistory.open(file);
  }

  /** A runner whose providers call their vendor every time (no response cache). */
  LocalRunner runner(RunHistory history, Path suiteDirectory) {
    return runner(history, suiteDirectory, Optional.empty());
  }

  /** A runner whose providers answer from {@code cache} when the same call was made before. */
  LocalRunner runner(RunHistory history, Path suiteDirectory, Optional<ResponseCache> cache) {
    AssertionRunner assertions = new AssertionRunner(evaluators);
    ProviderRegistry registry =
        cache.map(responses -> providers.decoratedWith(CachingProvider.decorator(responses))).orElse(providers);
    return new LocalRunner(
        history,
        registry,
        ProviderContext.defaults(suiteDirectory),
        assertions::run,
        this::evaluatorVersions,
        RetrySettings.DEFAULT,
        Clock.systemUTC());
  }

  /** The evaluators a suite uses with their versions, recorded with every run. */
  Map<String, String> evaluatorVersions(Suite suite) {
    Map<String, String> versions = new TreeMap<>();
    suite.tests().forEach(test -> collect(test.asserts(), versions));
    return versions;
  }

  private void collect(java.util.List<dev.ltb.suite.AssertionSpec> specs, Map<String, String> versions) {
    for (var spec : specs) {
      switch (spec) {
        case dev.ltb.suite.Assertion assertion -> {
          if (evaluators.contains(assertion.type()))
            versions.put(assertion.type(), evaluators.get(assertion.type()).descriptor().version());
        }
        case dev.ltb.suite.AssertionSet set -> collect(set.asserts(), versions);
      }
    }
  }
}
