package dev.ltb.pipeline;

import dev.ltb.run.RunEngine;
import dev.ltb.suite.Suite;

/**
 * The engine a run executes and is summarised with: the shared one, or for a suite that uses plugins one that
 * also judges with them (see {@link CloudPlugins}).
 */
@FunctionalInterface
public interface RunEngines {

  /**
   * @throws dev.ltb.plugin.PluginException when a plugin the suite uses cannot be found or loaded
   */
  RunEngine forRun(RunRef run, Suite suite);

  /** The same engine for every run: suites without plugins. */
  static RunEngines shared(RunEngine engine) {
    java.util.Objects.requireNonNull(engine, "engine");
    return (run, suite) -> engine;
  }
}
