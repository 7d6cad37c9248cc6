package dev.ltb.suite;

import java.util.Objects;

/**
 * A score computed from other named scores ({@code derivedMetrics} in the suite, as in promptfoo), e.g.
 * {@code {name: f1, value: "2 * precision * recall / (precision + recall)"}}.
 *
 * @param name the metric it is reported under
 * @param value the expression over named metrics (EvalEx syntax, plus {@code c ? a : b})
 */
public record DerivedMetric(String name, String value) {

  public DerivedMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isBlank()) throw new IllegalArgumentException("a derived metric needs a name");
    if (value.isBlank()) throw new IllegalArgumentException("derived metric " + name + " needs an expression");
  }
}
