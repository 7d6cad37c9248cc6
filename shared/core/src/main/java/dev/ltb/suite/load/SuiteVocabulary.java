package dev.ltb.suite.load;

import dev.ltb.plugin.PluginSupport;
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
 * @param plugins where plugins come from and how their modules are checked
 */
public record SuiteVocabulary(
    Set<String> assertionTypes,
    Set<String> typesRequiringValue,
    Predicate<String> providerSupported,
    PluginSupport plugins) {

  public SuiteVocabulary {
    assertionTypes = Set.copyOf(assertionTypes);
    typesRequiringValue = Set.copyOf(typesRequiringValue);
    Objects.requireNonNull(providerSupported, "providerSupported");
    plugins = plugins == null ? PluginSupport.FILES_ONLY : plugins;
  }

  /** A vocabulary whose plugins are checked on disk only (no bundled plugins, no module loading). */
  public SuiteVocabulary(
      Set<String> assertionTypes, Set<String> typesRequiringValue, Predicate<String> providerSupported) {
    this(assertionTypes, typesRequiringValue, providerSupported, null);
  }

  public SuiteVocabulary(Set<String> assertionTypes, Predicate<String> providerSupported) {
    this(assertionTypes, Set.of(), providerSupported, null);
  }
}
