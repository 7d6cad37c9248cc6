package dev.ltb.pipeline;

import dev.ltb.engine.Planner;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteProblem;
import dev.ltb.suite.load.SuiteValidationException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * First step of a distributed run: loads the suite the user stored, validates it with the same loader and
 * JSON Schema as {@code ltb run}, reads the tenant's datasets it names ({@code dataset://}, pinning the version read),
 * plans it with the same {@link Planner}, stores the resolved suite for the workers, marks the run RUNNING with its totals and returns the shard indices for the Map state.
 *
 * <p>A suite that cannot run leaves the run FAILED with the validator's message and throws {@link
 * SuiteRejectedException}; nothing is planned and no provider is called. Running the step again for the same
 * run (a retried state) plans the same shards.
 */
public final class PlanStep {

  /**
   * An inline Map state records about eight history events per shard and an execution keeps at most 25,000,
   * so a plan stays below this many shards; larger runs need a larger {@code options.shardSize}.
   */
  public static final int MAX_SHARDS = 2_500;

  private static final Path NO_FILES = Path.of("/nonexistent/ltb-cloud-suites-have-no-files");

  private final RunHistories histories;
  private final BlobStore blobs;
  private final Function<String, SuiteLoader> loaders;
  private final RunEvents events;
  private final Clock clock;
  private final Planner planner = new Planner();

  public PlanStep(RunHistories histories, BlobStore blobs, SuiteLoader loader, RunEvents events, Clock clock) {
    this(histories, blobs, constant(Objects.requireNonNull(loader)), events, clock);
  }

  /** @param loaders the loader of each tenant's suites (its uploaded plugins differ) */
  public PlanStep(
      RunHistories histories, BlobStore blobs, Function<String, SuiteLoader> loaders, RunEvents events, Clock clock) {
    this.histories = Objects.requireNonNull(histories);
    this.blobs = Objects.requireNonNull(blobs);
    this.loaders = Objects.requireNonNull(loaders);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
  }

  public PlannedRun plan(PlanRequest request) {
    RunRef run = request.ref();
    DistributionSettings settings = request.settings();
    RunHistory history = histories.forTenant(run.tenantId());
    Optional<RunRecord> existing = Runs.find(history, run);
    if (existing.isPresent() && existing.get().status().terminal()) {
      throw new IllegalStateException(
          "run " + run.runId() + " is already " + existing.get().status() + "; start a new run instead");
    }

    String fileName = request.suiteKey().substring(request.suiteKey().lastIndexOf('/') + 1);
    Suite suite = load(run, request.suiteKey(), fileName, history, existing);
    int shardCount = planner.shardCount(suite);
    if (shardCount > MAX_SHARDS) {
      long minimumShardSize = (suite.itemCount() + MAX_SHARDS - 1) / MAX_SHARDS;
      throw reject(
          run, history, existing, suite.description(), fileName,
          "%s: the suite expands to %d items in %d shards of %d; a run has at most %d shards: set options.shardSize to at least %d"
              .formatted(fileName, suite.itemCount(), shardCount, suite.options().shardSize(), MAX_SHARDS, minimumShardSize));
    }

    blobs.put(run.resolvedSuiteKey(), SuiteCodec.toJson(suite).getBytes(StandardCharsets.UTF_8), "application/json");
    if (existing.isEmpty()) {
      history.create(
          new RunRecord(run.runId(), suite.description(), fileName, SuiteCodec.toJson(suite), RunStatus.RUNNING,
              clock.instant(), null, suite.itemCount(), null, null));
    } else {
      history.updateStatus(run.runId(), RunStatus.RUNNING, null);
    }
    PlannedRun planned =
        new PlannedRun(
            run.tenantId(), run.runId(), suite.itemCount(), shardCount,
            IntStream.range(0, shardCount).boxed().toList(), settings.maxConcurrency(),
            settings.toleratedFailurePercentage(), settings.shardTimeoutSeconds());
    Events.publishQuietly(events, Events.started(run, planned, clock.instant()));
    return planned;
  }

  private Suite load(RunRef run, String suiteKey, String fileName, RunHistory history, Optional<RunRecord> existing) {
    if (!suiteKey.startsWith(run.tenantPrefix())) {
      throw reject(run, history, existing, "", fileName,
          "suiteKey " + suiteKey + " is outside the tenant's prefix " + run.tenantPrefix());
    }
    Optional<byte[]> stored = blobs.get(suiteKey);
    if (stored.isEmpty()) throw reject(run, history, existing, "", fileName, fileName + ":1:1: no suite is stored at " + suiteKey);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(stored.get())).toString();
    } catch (CharacterCodingException e) {
      throw reject(run, history, existing, "", fileName, fileName + ":1:1: the file is not UTF-8 text");
    }
    List<SuiteProblem> references = SelfContainedSuite.problems(text, fileName);
    if (!references.isEmpty()) throw reject(run, history, existing, "", fileName, new SuiteValidationException(references).getMessage());
    try {
      return loaders.apply(run.tenantId())
          .withDatasets(new StoredDatasets(blobs, run.tenantId()))
          .parse(text, fileName, NO_FILES);
    } catch (SuiteValidationException e) {
      throw reject(run, history, existing, "", fileName, e.getMessage());
    }
  }

  private static Function<String, SuiteLoader> constant(SuiteLoader loader) {
    return tenant -> loader;
  }

  /** Records the run as FAILED with the message; the caller throws the result to the state machine. */
  private SuiteRejectedException reject(
      RunRef run, RunHistory history, Optional<RunRecord> existing, String description, String fileName,
      String message) {
    if (existing.isEmpty()) {
      history.create(
          new RunRecord(run.runId(), description, fileName, null, RunStatus.FAILED, clock.instant(), clock.instant(), 0,
              null, message));
    } else {
      history.finish(run.runId(), RunStatus.FAILED, null, message);
    }
    return new SuiteRejectedException(message);
  }
}
