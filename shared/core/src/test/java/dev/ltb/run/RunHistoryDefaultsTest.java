package dev.ltb.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.RunOptions;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A history that only implements the required methods still keeps a run's suite for resume. */
class RunHistoryDefaultsTest {

  private static final Suite SUITE =
      new Suite(
          "capitals",
          List.of(new Prompt("p0", null, "Capital of {{country}}?")),
          List.of(new ProviderSpec("echo", "echo", null, null)),
          List.of(
              new TestCase(null, Map.of("country", "France"),
                  List.of(new Assertion("icontains", false, TextNode.valueOf("paris"), null, 1, null, null)), null,
                  null)),
          RunOptions.defaults(),
          "suite.yaml");

  @Test
  void theDefaultKeepsTheSuiteAsJsonInTheRecordAndReadsItBack() {
    RecordsOnly history = new RecordsOnly();
    RunRecord run =
        new RunRecord("run-1", "capitals", "suite.yaml", null, RunStatus.RUNNING, Instant.EPOCH, null, 1, null, null);

    history.create(run, SUITE);

    assertThat(history.find("run-1").orElseThrow().suiteJson()).contains("\"Capital of {{country}}?\"");
    assertThat(history.suite("run-1")).contains(SUITE);
    assertThat(history.suite("run")).as("an exact id, not a prefix").isEmpty();
    assertThat(history.suite("run-2")).isEmpty();
  }

  /** Keeps records in memory; finds by exact id or unique prefix, like the port says. */
  private static final class RecordsOnly implements RunHistory {
    private final Map<String, RunRecord> runs = new LinkedHashMap<>();

    @Override
    public void create(RunRecord run) {
      runs.put(run.runId(), run);
    }

    @Override
    public Optional<RunRecord> find(String runIdOrPrefix) {
      if (runs.containsKey(runIdOrPrefix)) return Optional.of(runs.get(runIdOrPrefix));
      List<RunRecord> matches = runs.values().stream().filter(r -> r.runId().startsWith(runIdOrPrefix)).toList();
      return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }

    @Override
    public List<RunRecord> list(int limit) {
      return new ArrayList<>(runs.values());
    }

    @Override
    public boolean save(ItemResult result) {
      return true;
    }

    @Override
    public Set<String> completedItemIds(String runId) {
      return Set.of();
    }

    @Override
    public void updateStatus(String runId, RunStatus status, String reason) {}

    @Override
    public void finish(String runId, RunStatus status, RunSummary summary, String reason) {}

    @Override
    public void forEachResult(String runId, Consumer<ItemResult> consumer) {}

    @Override
    public void close() {}
  }
}
