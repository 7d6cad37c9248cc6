package dev.ltb.analysis;

import com.fasterxml.jackson.annotation.JsonValue;

/** What "quality" means for verdicts, ranking, the cost optimizer and the router. */
public enum QualityMeasure {
  /** Share of items whose test passed (errors count as not passed); compared with McNemar's test. */
  PASS_RATE("pass-rate"),
  /** Mean test score in [0, 1] over items with an output; compared with the Wilcoxon signed-rank test. */
  SCORE("score");

  private final String id;

  QualityMeasure(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }
}
