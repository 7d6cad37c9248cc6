package dev.ltb.run;

import dev.ltb.engine.ItemResult;
import dev.ltb.engine.RunPlan;

/** Follows a local run, e.g. to draw a progress bar. Called from the engine's threads for results. */
public interface RunListener {

  /** The plan is ready; {@code alreadyDone} items will be skipped (resume). */
  default void planned(RunPlan plan, long alreadyDone) {}

  /** One more result; called concurrently. */
  default void result(ItemResult result) {}

  RunListener NONE = new RunListener() {};
}
