package dev.ltb.wasm.authoring;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of a plugin out of a run and what it meant.
 *
 * @param input the input the plugin got
 * @param output its output, or null when the call failed
 * @param outcome whether the call worked
 * @param verdict what the output means for the plugin's kind ("pass, score 1.0: output contains ...", "output
 *     ..."), or why the call failed
 * @param passed for evaluators and scorers, their verdict; true for transforms that ran
 */
public record PluginTrial(JsonNode input, JsonNode output, Outcome outcome, String verdict, boolean passed) {

  public enum Outcome {
    /** The call returned output of the documented shape. */
    CALLED,
    /** The plugin ran and reported an error itself (a non-zero return with its message). */
    PLUGIN_ERROR,
    /** The call broke a limit, trapped, or returned output of the wrong shape. */
    FAILED
  }

  public boolean called() {
    return outcome == Outcome.CALLED;
  }
}
