package dev.ltb.analysis;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one model (or run) stands against another after the multiple-testing correction. */
public enum Verdict {
  BETTER("better"),
  WORSE("worse"),
  NO_SIGNIFICANT_DIFFERENCE("no significant difference");

  private final String text;

  Verdict(String text) {
    this.text = text;
  }

  @JsonValue
  public String text() {
    return text;
  }

  /** The same verdict seen from the other side. */
  public Verdict reversed() {
    return switch (this) {
      case BETTER -> WORSE;
      case WORSE -> BETTER;
      case NO_SIGNIFICANT_DIFFERENCE -> NO_SIGNIFICANT_DIFFERENCE;
    };
  }

  /** BETTER or WORSE by the sign of {@code direction} when significant, otherwise no significant difference. */
  static Verdict of(boolean significant, int direction) {
    if (!significant || direction == 0) return NO_SIGNIFICANT_DIFFERENCE;
    return direction > 0 ? BETTER : WORSE;
  }
}
