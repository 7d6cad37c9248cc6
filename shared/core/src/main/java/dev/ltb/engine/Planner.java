package dev.ltb.engine;

import dev.ltb.suite.Suite;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a suite into work items (test × prompt × provider × repeat, in that nesting order) and cuts them
 * into shards of {@code options.shardSize} items. Deterministic: the same suite always gives the same ids,
 * so a cloud worker can compute one shard by its index ({@link #shard}) without the whole plan.
 */
public final class Planner {

  public RunPlan plan(String runId, Suite suite) {
    int shards = shardCount(suite);
    List<Shard> all = new ArrayList<>(shards);
    for (int index = 0; index < shards; index++) all.add(shard(runId, suite, index));
    return new RunPlan(runId, suite, all);
  }

  /** How many shards the suite's plan has. */
  public int shardCount(Suite suite) {
    long shards = (suite.itemCount() + suite.options().shardSize() - 1) / suite.options().shardSize();
    if (shards > Integer.MAX_VALUE) throw new IllegalArgumentException("a plan of " + shards + " shards is too large");
    return (int) shards;
  }

  /**
   * Shard {@code index} of the suite's plan, equal to {@code plan(runId, suite).shards().get(index)}.
   *
   * @throws IndexOutOfBoundsException when the plan has no such shard
   */
  public Shard shard(String runId, Suite suite, int index) {
    int count = shardCount(suite);
    if (index < 0 || index >= count)
      throw new IndexOutOfBoundsException("the plan has " + count + " shards; there is no shard " + index);
    int prompts = suite.prompts().size();
    int providers = suite.providers().size();
    int repeats = suite.options().repeat();
    long first = (long) index * suite.options().shardSize();
    long end = Math.min(first + suite.options().shardSize(), suite.itemCount());
    List<WorkItem> items = new ArrayList<>((int) (end - first));
    for (long flat = first; flat < end; flat++) {
      int repeat = (int) (flat % repeats);
      long rest = flat / repeats;
      int provider = (int) (rest % providers);
      rest /= providers;
      int prompt = (int) (rest % prompts);
      int test = (int) (rest / prompts);
      items.add(WorkItem.of(test, prompt, provider, repeat));
    }
    return new Shard(runId, index, items);
  }
}
