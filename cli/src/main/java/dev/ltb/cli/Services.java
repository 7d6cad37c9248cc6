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
import dev.ltb.run.LocalRunner;
import dev.ltb.run.RunHistory;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteVocabulary;
import java.nio.file.Path;
import java.time.Clock;

/** Builds the core services the commands use, in one place, with every default visible here. */
final class Services {

  private final EvaluatorRegistry evaluators = BuiltInEvaluators.registry();
  private final ProviderRegistry providers = BuiltInProviders.registry();

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

  /**
   * A runner for one run: its own judges (their cache lives as long as the run) reading files relative to
   * the suite's folder.
   */
  LocalRunner runner(RunHistory history, Path suiteDirectory) {
    ProviderContext context = ProviderContext.defaults(suiteDirectory);
    EvaluatorRegistry runEvaluators = BuiltInEvaluators.registry(new Judges(providers, context));
    AssertionRunner assertions = new AssertionRunner(runEvaluators);
    return new LocalRunner(
        history,
        providers,
        context,
        assertions::run,
        suite -> EvaluatorInventory.of(suite, runEvaluators),
        RetrySettings.DEFAULT,
        Clock.systemUTC());
  }
}
