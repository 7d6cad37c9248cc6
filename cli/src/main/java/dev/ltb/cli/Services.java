package dev.ltb.cli;

import dev.ltb.engine.RetrySettings;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluatorInventory;
import dev.ltb.evaluator.EvaluatorRegistry;
import dev.ltb.evaluator.judge.Judges;
import dev.ltb.local.history.SqliteRunHistory;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.cache.CachingProvider;
import dev.ltb.provider.cache.ResponseCache;
import dev.ltb.run.LocalRunner;
import dev.ltb.run.RunHistory;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteVocabulary;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

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

  /**
   * A runner whose providers, judges included, answer from {@code cache} when the same call was made before.
   * The run has judges of its own (their in-memory cache lives as long as the run) reading files relative to
   * the suite's folder.
   */
  LocalRunner runner(RunHistory history, Path suiteDirectory, Optional<ResponseCache> cache) {
    ProviderRegistry registry =
        cache.map(responses -> providers.decoratedWith(CachingProvider.decorator(responses))).orElse(providers);
    ProviderContext context = ProviderContext.defaults(suiteDirectory);
    EvaluatorRegistry runEvaluators = BuiltInEvaluators.registry(new Judges(registry, context));
    AssertionRunner assertions = new AssertionRunner(runEvaluators);
    return new LocalRunner(
        history,
        registry,
        context,
        assertions::run,
        suite -> EvaluatorInventory.of(suite, runEvaluators),
        RetrySettings.DEFAULT,
        Clock.systemUTC());
  }
}
