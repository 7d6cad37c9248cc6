package dev.ltb.engine;

import dev.ltb.suite.Suite;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A suite expanded into shards of work items (see {@link Planner}). The items are computed when they are
 * read, never held: a plan of 100,000 items costs no more memory than one of ten.
 */
public record RunPlan(String runId, Suite suite) {

  private static final Planner PLANNER = new Planner();

  public RunPlan {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(suite, "suite");
  }

  public long totalItems() {
    return suite.itemCount();
  }

  /** The shards, each built when it is read. */
  public List<Shard> shards() {
    return new LazyShards();
  }

  /** Every item in plan order, computed one at a time as the stream is consumed. */
  public Stream<WorkItem> items() {
    return LongStream.range(0, totalItems()).mapToObj(position -> Planner.item(suite, position));
  }

  private final class LazyShards extends AbstractList<Shard> implements RandomAccess {
    private final int size = PLANNER.shardCount(suite);

    @Override
    public Shard get(int index) {
      return PLANNER.shard(runId, suite, index);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
