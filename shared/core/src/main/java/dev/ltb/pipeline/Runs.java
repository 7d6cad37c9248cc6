package dev.ltb.pipeline;

import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Look-ups the steps share: a run by its exact id, and its resolved suite. */
final class Runs {

  private Runs() {}

  /** The run with exactly this id (the history's find also accepts prefixes; steps never do). */
  static Optional<RunRecord> find(RunHistory history, RunRef run) {
    return history.find(run.runId()).filter(record -> record.runId().equals(run.runId()));
  }

  static RunRecord require(RunHistory history, RunRef run) {
    return find(history, run).orElseThrow(() -> new RunNotFoundException(run));
  }

  /** The suite the plan step resolved and stored for the run. */
  static Optional<Suite> resolvedSuite(BlobStore blobs, RunRef run) {
    return blobs.get(run.resolvedSuiteKey()).map(bytes -> SuiteCodec.fromJson(new String(bytes, StandardCharsets.UTF_8)));
  }
}
