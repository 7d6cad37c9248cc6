package dev.ltb.plugin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a plugin does in a run; each kind is called through one export of the module. */
public enum PluginKind {
  /** Scores one output, used as {@code type: plugin:<name>}. */
  EVALUATOR("evaluate"),
  /** Rewrites an output or vars before assertions. */
  TRANSFORM("transform"),
  /** Aggregates a test's assertion results into its score. */
  SCORER("score");

  private final String export;

  PluginKind(String export) {
    this.export = export;
  }

  /** The function the module must export for this kind. */
  public String export() {
    return export;
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static PluginKind fromId(String id) {
    return Arrays.stream(values())
        .filter(kind -> kind.id().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("unknown plugin kind '" + id + "': use evaluator, transform or scorer"));
  }
}
