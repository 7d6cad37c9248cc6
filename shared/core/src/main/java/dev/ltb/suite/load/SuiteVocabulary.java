package dev.ltb.suite.load;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the bench can run, so a suite naming anything else is rejected before a single call is made.
 *
 * @param assertionTypes evaluator ids as written in suites, without the {@code not-} prefix ({@code contains},
 *     {@code llm-rubric}, ...); {@code not-<type>} and {@code plugin:<name>} are accepted on top of these
 * @param typesRequiringValue the types whose assertions are meaningless without a {@code value}
 * @param providerSupported whether a provider id ({@code openai:chat:gpt-4o-mini}, {@code echo}) resolves
 */
public record SuiteVocabulary(
    Set<String> assertionTypes, Set<String> typesRequiringValue, Predicate<String> providerSupported) {

  public SuiteVocabulary {
    assertionTypes = Set.copyOf(assertionTypes);
    typesRequiringValue = Set.copyOf(typesRequiringValue);
    Objects.requireNonNull(providerSupported, "providerSupported");
  }

  public SuiteVocabulary(Set<String> assertionTypes, Predicate<String> providerSupported) {
    this(assertionTypes, Set.of(), providerSupported);
  }
}
