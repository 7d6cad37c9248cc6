package dev.ltb.engine;

import dev.ltb.suite.Suite;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a suite into work items (test × prompt × provider × repeat, in that nesting order) and cuts them
 * into shards of {@code options.shardSize} items. Deterministic: the same suite always gives the same ids,
 * so a cloud worker can compute one shard by its index ({@link #shard}) without the whole plan. Nothing is
 * expanded ahead: a plan computes its items as they are read, so a run of any size plans in constant memory.
 */
public final class Planner {

  public RunPlan plan(String runId, Suite suite) {
    shardCount(suite); // rejects a plan too large to index, before anything runs
    return new RunPlan(runId, suite);
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
    long first = (long) index * suite.options().shardSize();
    long end = Math.min(first + suite.options().shardSize(), suite.itemCount());
    List<WorkItem> items = new ArrayList<>((int) (end - first));
    for (long position = first; position < end; position++) items.add(item(suite, position));
    return new Shard(runId, index, items);
  }

  /** The item at {@code position} (0-based) of the suite's plan, in plan order. */
  static WorkItem item(Suite suite, long position) {
    int repeats = suite.options().repeat();
    int providers = suite.providers().size();
    int prompts = suite.prompts().size();
    int repeat = (int) (position % repeats);
    long rest = position / repeats;
    int provider = (int) (rest % providers);
    rest /= providers;
    int prompt = (int) (rest % prompts);
    int test = Math.toIntExact(rest / prompts);
    return WorkItem.of(test, prompt, provider, repeat);
  }
}
