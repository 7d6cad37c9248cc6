package dev.ltb.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ltb.plugin.Plugin;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginLimits;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The JVM is unharmed by hostile plugins: after 1,000 calls that loop, grow memory, trap, overflow the stack
 * or return garbage, from virtual threads as the engine makes them, heap use and live threads come back to
 * where they were (measured after GC, with generous bounds: the JIT and class metadata move them a little).
 */
class HostilePluginSoakTest {

  private static final JsonNode INPUT = JsonNodeFactory.instance.objectNode().put("output", "x".repeat(2_000));
  private static final JsonNode NO_CONFIG = JsonNodeFactory.instance.objectNode();
  private static final PluginLimits LIMITS = new PluginLimits(32, 20, 64 * 1024);
  private static final List<String> HOSTILE =
      List.of(
          "hostile/loop-forever.wat",
          "hostile/grow-memory.wat",
          "hostile/alloc-forever.wat",
          "hostile/trap.wat",
          "hostile/recurse-forever.wat",
          "hostile/malformed-json.wat",
          "hostile/lying-output-length.wat",
          "hostile/out-of-bounds.wat");

  private final ChicoryPluginRuntime runtime = ChicoryPluginRuntime.builder().build();

  @Test
  void heapAndThreadsReturnToBaselineAfterAThousandHostileCalls() throws Exception {
    List<Plugin> plugins = new ArrayList<>();
    for (String resource : HOSTILE) {
      byte[] module = TestPlugins.module(resource);
      plugins.add(runtime.load(TestPlugins.manifest("hostile", module, LIMITS), module));
    }
    runAll(plugins, plugins.size()); // warm up: compile, load classes, start the watchdog
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long heapBefore = usedHeapAfterGc(memory);
    int threadsBefore = threads.getThreadCount();

    int failures = runAll(plugins, 1_000);

    long heapAfter = usedHeapAfterGc(memory);
    int threadsAfter = threads.getThreadCount();
    assertThat(failures).as("every hostile call fails with a PluginException").isEqualTo(1_000);
    assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(32L * 1024 * 1024);
    assertThat(threadsAfter - threadsBefore).as("extra live threads").isLessThanOrEqualTo(2);
  }

  private static int runAll(List<Plugin> plugins, int calls) throws Exception {
    List<Future<Boolean>> results = new ArrayList<>();
    try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < calls; i++) {
        Plugin plugin = plugins.get(i % plugins.size());
        results.add(virtualThreads.submit(() -> failsCleanly(plugin)));
      }
    }
    int failures = 0;
    for (Future<Boolean> result : results) if (result.get()) failures++;
    return failures;
  }

  private static boolean failsCleanly(Plugin plugin) {
    try {
      plugin.call(INPUT, NO_CONFIG);
      return false;
    } catch (PluginException expected) {
      return !Thread.currentThread().isInterrupted();
    }
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
