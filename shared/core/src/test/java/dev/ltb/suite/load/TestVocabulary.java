package dev.ltb.suite.load;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * An explicit vocabulary for loader tests (the evaluator and provider registries are built elsewhere):
 * promptfoo's common assertion types and the provider id families of the fixture suites.
 */
final class TestVocabulary {

  static final Set<String> TYPES =
      Set.of(
          "answer-relevance", "bleu", "contains", "contains-all", "contains-any", "contains-json", "cost",
          "equals", "gleu", "icontains", "icontains-all", "icontains-any", "is-json", "javascript", "latency",
          "levenshtein", "llm-rubric", "max-score", "python", "regex", "rouge-n", "select-best", "similar",
          "starts-with");

  static final Set<String> REQUIRING_VALUE =
      Set.of(
          "bleu", "contains", "contains-all", "contains-any", "equals", "gleu", "icontains", "icontains-all",
          "icontains-any", "javascript", "levenshtein", "llm-rubric", "python", "regex", "rouge-n",
          "select-best", "similar", "starts-with");

  private static final Pattern PROVIDERS = Pattern.compile("echo|llama|(openai|anthropic|google|ollama):.+");

  static final SuiteVocabulary VOCABULARY =
      new SuiteVocabulary(TYPES, REQUIRING_VALUE, id -> PROVIDERS.matcher(id).matches());

  static SuiteLoader loader() {
    return new SuiteLoader(VOCABULARY);
  }

  private TestVocabulary() {}
}
