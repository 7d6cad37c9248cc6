package dev.ltb.evaluator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluators a run can use, by assertion type. Built from an explicit list; immutable and
 * thread-safe.
 */
public final class EvaluatorRegistry {

  private final Map<String, Evaluator> byId;

  public EvaluatorRegistry(List<? extends Evaluator> evaluators) {
    Map<String, Evaluator> map = new LinkedHashMap<>();
    for (Evaluator evaluator : evaluators) {
      String id = evaluator.descriptor().id();
      if (map.putIfAbsent(id, evaluator) != null)
        throw new IllegalArgumentException(
            "two evaluators are registered for assertion type \"" + id + "\"");
    }
    this.byId = Collections.unmodifiableMap(map);
  }

  /**
   * This registry with more evaluators (a run's plugins) after the ones it has.
   *
   * @throws IllegalArgumentException when one of them has the id of one already registered
   */
  public EvaluatorRegistry with(List<? extends Evaluator> more) {
    if (more.isEmpty()) return this;
    List<Evaluator> all = new java.util.ArrayList<>(byId.values());
    all.addAll(more);
    return new EvaluatorRegistry(all);
  }

  /**
   * The evaluator for an assertion type (without {@code not-}).
   *
   * @throws IllegalArgumentException for an unknown type, listing the known ones
   */
  public Evaluator get(String type) {
    Evaluator evaluator = byId.get(type);
    if (evaluator == null)
      throw new IllegalArgumentException(
          "unknown assertion type \""
              + type
              + "\"; known types: "
              + String.join(", ", ids())
              + " (each may be negated with the not- prefix)");
    return evaluator;
  }

  public boolean contains(String type) {
    return byId.containsKey(type);
  }

  /** Descriptors in registration order. */
  public List<EvaluatorDescriptor> descriptors() {
    return byId.values().stream().map(Evaluator::descriptor).toList();
  }

  /** Assertion types in registration order. */
  public Set<String> ids() {
    return byId.keySet();
  }
}
