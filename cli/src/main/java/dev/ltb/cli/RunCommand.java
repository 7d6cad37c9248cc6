package dev.ltb.cli;

import dev.ltb.cli.console.ProgressDisplay;
import dev.ltb.cli.console.SummaryTable;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.RunPlan;
import dev.ltb.run.LocalRunner;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunListener;
import dev.ltb.run.RunRecord;
import dev.ltb.suite.RunOptions;
import dev.ltb.suite.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "run",
    description = {
      "Runs a suite: every prompt × provider × test, scored by its assertions.",
      "Results go to the run history as they arrive; -o writes reports (.html .json .jsonl .csv .xml)."
    },
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Target target;

  static final class Target {
    @Parameters(paramLabel = "SUITE", description = "The suite file (YAML or JSON).")
    Path suite;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue an unfinished run (id or unique prefix).")
    String resume;
  }

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results; format from the extension.")
  List<Path> outputs = new ArrayList<>();

  @Option(names = {"-j", "--max-concurrency"}, paramLabel = "N", description = "Items in flight at once (overrides the suite).")
  Integer maxConcurrency;

  @Option(names = "--repeat", paramLabel = "N", description = "Run each item N times (overrides the suite).")
  Integer repeat;

  @Option(
      names = "--min-pass-rate",
      paramLabel = "RATE",
      defaultValue = "1.0",
      description = "Exit with code 1 when the pass rate is below RATE (0..1, default ${DEFAULT-VALUE}).")
  double minPassRate;

  @Option(names = "--no-progress", description = "Do not show progress.")
  boolean noProgress;

  @Mixin HistoryOption history;

  @Mixin CacheOption cache;

  private final Services services = new Services();

  @Override
  public Integer call() {
    if (minPassRate < 0 || minPassRate > 1) throw new UserInputException("--min-pass-rate must be between 0 and 1");
    PrintWriter out = spec.commandLine().getOut();
    ReportOutputs reports = ReportOutputs.of(outputs);
    Path workingDir = Path.of("").toAbsolutePath();
    var responses = cache.cache(workingDir, System.getenv());
    try (RunHistory runs = services.openHistory(history)) {
      ProgressDisplay progress = new ProgressDisplay(out, Terminal.isInteractive());
      CachedAnswers cachedAnswers = new CachedAnswers(noProgress ? RunListener.NONE : progress);
      AtomicBoolean cancelled = new AtomicBoolean();
      Thread onInterrupt = new Thread(() -> cancelled.set(true));
      Runtime.getRuntime().addShutdownHook(onInterrupt);
      RunRecord record;
      if (target.suite != null) {
        Suite suite = withOverrides(services.suiteLoader().load(target.suite));
        Path directory = target.suite.toAbsolutePath().getParent();
        LocalRunner runner = services.runner(runs, directory, responses, suite);
        out.println("Suite: " + (suite.description().isBlank() ? target.suite : suite.description()));
        record = runner.run(suite, cachedAnswers, cancelled::get);
      } else {
        LocalRunner runner =
            services.runner(runs, workingDir, responses, services.storedSuite(runs, target.resume));
        record = runner.resume(target.resume, cachedAnswers, cancelled::get);
      }
      if (!noProgress) progress.finish();
      Runtime.getRuntime().removeShutdownHook(onInterrupt);
      out.println();
      SummaryTable.print(record.summary(), out);
      out.println();
      out.println("Run " + record.runId() + ": " + record.status()
          + (record.statusReason() == null ? "" : " (" + record.statusReason() + ")"));
      if (cachedAnswers.count() > 0)
        out.println(cachedAnswers.count() + " answer(s) from the response cache; --no-cache calls every provider");
      for (Path written : reports.write(record, runs)) out.println("Wrote " + written);
      out.println("See it again with: ltb show " + record.runId());
      double passRate = record.summary().totals().passRate();
      if (passRate + 1e-12 < minPassRate) {
        out.printf(Locale.ROOT, "Pass rate %.1f%% is below the required %.1f%%.%n", 100 * passRate, 100 * minPassRate);
        return ExitCodes.TESTS_FAILED;
      }
      return ExitCodes.OK;
    }
  }

  /** Passes events on and counts the answers served from the response cache. */
  private static final class CachedAnswers implements RunListener {
    private final RunListener next;
    private final AtomicLong count = new AtomicLong();

    CachedAnswers(RunListener next) {
      this.next = next;
    }

    @Override
    public void planned(RunPlan plan, long alreadyDone) {
      next.planned(plan, alreadyDone);
    }

    @Override
    public void result(ItemResult result) {
      if (result.cached()) count.incrementAndGet();
      next.result(result);
    }

    long count() {
      return count.get();
    }
  }

  private Suite withOverrides(Suite suite) {
    RunOptions options = suite.options();
    if (maxConcurrency != null) options = options.withMaxConcurrency(maxConcurrency);
    if (repeat != null) options = options.withRepeat(repeat);
    return suite.withOptions(options);
  }
}
