package dev.ltb.wasm;

/** Whether a plugin's calls share instances (see docs/plugins.md for the measurements behind the default). */
public enum InstanceReuse {
  /** A fresh instance for every call: nothing survives a call, at the cost of instantiating each time. */
  PER_CALL,
  /**
   * Instances that ended their last call cleanly are put back to their state after instantiation (memory,
   * globals, tables) and reused; a failed call's instance, or one whose memory grew, is discarded. The next call
   * starts as in a fresh instance, without the cost of building one.
   */
  POOLED
}
