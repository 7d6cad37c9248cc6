package dev.ltb.provider;

import java.util.Locale;

/** Why the model stopped, normalized across vendors. */
public enum FinishReason {
  STOP,
  LENGTH,
  CONTENT_FILTER,
  TOOL_CALLS,
  ERROR,
  UNKNOWN;

  /** The lower-case name used in suites ({@code finish-reason} assertion) and outputs. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FinishReason fromId(String id) {
    return valueOf(id.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
