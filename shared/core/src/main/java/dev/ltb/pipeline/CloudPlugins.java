package dev.ltb.pipeline;

import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.EvaluatorInventory;
import dev.ltb.evaluator.EvaluatorRegistry;
import dev.ltb.plugin.PluginCatalog;
import dev.ltb.plugin.PluginLocator;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.plugin.PluginSupport;
import dev.ltb.plugin.SuitePlugins;
import dev.ltb.run.RunEngine;
import dev.ltb.suite.Suite;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Plugins in the cloud: a suite uses the bundled ones by name and the tenant's uploaded ones ({@link
 * StoredPlugins}) by name and hash; paths are refused, since the cloud has no files. The plan step checks a
 * suite's plugins with {@link #support}; workers, aggregation and cancellation judge with {@link #forRun}, so a
 * plugin runs unchanged in {@code ltb run} and in the pipeline.
 */
public final class CloudPlugins implements RunEngines {

  private final RunEngine engine;
  private final EvaluatorRegistry evaluators;
  private final PluginCatalog bundled;
  private final PluginRuntime runtime;
  private final BlobStore blobs;

  /**
   * @param engine the engine of suites without plugins
   * @param evaluators the evaluators that engine's assertion runner uses; a suite's plugin evaluators join them
   * @param runtime compiles and runs modules (the adapter caches compiled modules by hash)
   */
  public CloudPlugins(
      RunEngine engine, EvaluatorRegistry evaluators, PluginCatalog bundled, PluginRuntime runtime, BlobStore blobs) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.evaluators = Objects.requireNonNull(evaluators, "evaluators");
    this.bundled = Objects.requireNonNull(bundled, "bundled");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
  }

  /** Where the tenant's suites find plugins, and how the plan step checks their modules. */
  public PluginSupport support(String tenantId) {
    return support(bundled, runtime, blobs, tenantId);
  }

  /** {@link #support} without an engine, for the API that checks suites but runs none. */
  public static PluginSupport support(PluginCatalog bundled, PluginRuntime runtime, BlobStore blobs, String tenantId) {
    return new PluginSupport(PluginLocator.cloud(bundled, new StoredPlugins(blobs, tenantId)), runtime);
  }

  public PluginLocator locator(String tenantId) {
    return PluginLocator.cloud(bundled, new StoredPlugins(blobs, tenantId));
  }

  @Override
  public RunEngine forRun(RunRef run, Suite suite) {
    if (suite.plugins().isEmpty()) return engine;
    SuitePlugins plugins = SuitePlugins.load(suite, runtime, locator(run.tenantId()));
    EvaluatorRegistry withPlugins = evaluators.with(plugins.evaluators());
    return engine.withScoring(
        plugins.around(new AssertionRunner(withPlugins)::run),
        judged -> {
          Map<String, String> inventory = new TreeMap<>(EvaluatorInventory.of(judged, withPlugins));
          inventory.putAll(plugins.inventory());
          return inventory;
        });
  }
}
