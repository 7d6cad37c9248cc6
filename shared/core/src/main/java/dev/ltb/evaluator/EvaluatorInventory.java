package dev.ltb.evaluator;

import dev.ltb.evaluator.judge.Graded;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.AssertionSet;
import dev.ltb.suite.AssertionSpec;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What judged a run, as it is stored with the run (DESIGN.md rule 14): each assertion type the
 * suite uses with its evaluator's version and, for types that ask a model, every model that grades
 * them with its configuration (secrets left out), e.g. {@code llm-rubric -> 1; graded by
 * openai:chat:gpt-4o-mini {"temperature":0}}.
 */
public final class EvaluatorInventory {

  private EvaluatorInventory() {}

  public static Map<String, String> of(Suite suite, EvaluatorRegistry registry) {
    Map<String, Set<String>> graders = new TreeMap<>();
    Map<String, String> versions = new TreeMap<>();
    for (TestCase test : suite.tests()) collect(test, test.asserts(), registry, versions, graders);
    Map<String, String> inventory = new TreeMap<>();
    versions.forEach(
        (type, version) -> {
          Set<String> models = graders.getOrDefault(type, Set.of());
          inventory.put(
              type,
              models.isEmpty() ? version : version + "; graded by " + String.join(", ", models));
        });
    return inventory;
  }

  private static void collect(
      TestCase test,
      Iterable<AssertionSpec> specs,
      EvaluatorRegistry registry,
      Map<String, String> versions,
      Map<String, Set<String>> graders) {
    for (AssertionSpec spec : specs) {
      switch (spec) {
        case AssertionSet set -> collect(test, set.asserts(), registry, versions, graders);
        case Assertion assertion -> {
          if (!registry.contains(assertion.type())) continue;
          Evaluator evaluator = registry.get(assertion.type());
          versions.put(assertion.type(), evaluator.descriptor().version());
          if (evaluator instanceof Graded graded) {
            try {
              graders
                  .computeIfAbsent(assertion.type(), type -> new LinkedHashSet<>())
                  .addAll(graded.graders(assertion, test));
            } catch (RuntimeException e) {
              // a malformed config fails the assertion itself, with its message, when it runs
            }
          }
        }
      }
    }
  }
}
