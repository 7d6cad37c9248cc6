package dev.ltb.engine;

import dev.ltb.suite.Suite;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a suite into work items (test × prompt × provider × repeat, in that nesting order) and cuts them
 * into shards of {@code options.shardSize} items. Deterministic: the same suite always gives the same ids.
 */
public final class Planner {

  public RunPlan plan(String runId, Suite suite) {
    int shardSize = suite.options().shardSize();
    int tests = Math.max(1, suite.tests().size());
    List<Shard> shards = new ArrayList<>();
    List<WorkItem> current = new ArrayList<>(shardSize);
    for (int test = 0; test < tests; test++) {
      for (int prompt = 0; prompt < suite.prompts().size(); prompt++) {
        for (int provider = 0; provider < suite.providers().size(); provider++) {
          for (int repeat = 0; repeat < suite.options().repeat(); repeat++) {
            current.add(WorkItem.of(test, prompt, provider, repeat));
            if (current.size() == shardSize) {
              shards.add(new Shard(runId, shards.size(), current));
              current = new ArrayList<>(shardSize);
            }
          }
        }
      }
    }
    if (!current.isEmpty()) shards.add(new Shard(runId, shards.size(), current));
    return new RunPlan(runId, suite, shards);
  }
}
