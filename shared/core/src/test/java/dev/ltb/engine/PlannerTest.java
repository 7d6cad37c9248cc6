package dev.ltb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.RunOptions;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static Suite suite(int tests, int prompts, int providers, int repeat, int shardSize) {
    return new Suite(
        "plan",
        IntStream.range(0, prompts).mapToObj(i -> new Prompt("p" + i, null, "prompt " + i)).toList(),
        IntStream.range(0, providers).mapToObj(i -> new ProviderSpec("echo", "echo-" + i, null, null)).toList(),
        IntStream.range(0, tests).mapToObj(i -> new TestCase(null, Map.of("i", i), List.of(), null, null)).toList(),
        new RunOptions(repeat, 4, null, 0, shardSize, null),
        "test");
  }

  @Test
  void expandsEveryTestPromptProviderAndRepeatIntoShards() {
    RunPlan plan = new Planner().plan("run-1", suite(7, 2, 3, 2, 10));

    assertThat(plan.totalItems()).isEqualTo(7 * 2 * 3 * 2);
    assertThat(plan.shards()).hasSize(9);
    assertThat(plan.shards().getLast().items()).hasSize(4);
    assertThat(plan.items().map(WorkItem::id).distinct().count()).isEqualTo(84);
    assertThat(plan.shards().getFirst().items().getFirst().id()).isEqualTo("t000000-p0-m0-r0");
    assertThat(plan.shards()).allSatisfy(shard -> assertThat(shard.runId()).isEqualTo("run-1"));
  }

  @Test
  void samesuiteGivesTheSameIdsSoResumeAndRedeliveryRecogniseItems() {
    Suite suite = suite(5, 1, 2, 1, 3);
    List<String> first = new Planner().plan("a", suite).items().map(WorkItem::id).toList();
    List<String> second = new Planner().plan("a", suite).items().map(WorkItem::id).toList();
    assertThat(first).isEqualTo(second);
  }

  @Test
  void aSuiteWithoutTestsStillRunsEachPromptOnce() {
    RunPlan plan = new Planner().plan("r", suite(0, 2, 1, 1, 50));
    assertThat(plan.totalItems()).isEqualTo(2);
  }

  @Test
  void aShardComputedByIndexEqualsThatShardOfTheWholePlan() {
    Suite suite = suite(7, 2, 3, 2, 10);
    RunPlan plan = new Planner().plan("run-1", suite);

    assertThat(new Planner().shardCount(suite)).isEqualTo(plan.shards().size());
    for (Shard shard : plan.shards()) assertThat(new Planner().shard("run-1", suite, shard.index())).isEqualTo(shard);
  }

  @Test
  void aShardIndexOutsideThePlanIsRefused() {
    Suite suite = suite(3, 1, 1, 1, 2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Planner().shard("r", suite, 2))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("the plan has 2 shards; there is no shard 2");
  }
}
