package dev.ltb.suite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.AssertionSpec;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * promptfoo's own example configs (src/test/resources/promptfoo-suites, see its README for sources) load
 * unchanged, except those that use features the bench does not support, which fail with a message saying so.
 */
class PromptfooSuitesTest {

  private static final Path ROOT = Path.of("src/test/resources/promptfoo-suites");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Suites we do not load, and the problem each one reports (one per unsupported feature or gap). */
  private static final Map<String, List<String>> UNSUPPORTED =
      Map.of(
          "eval-json-output/promptfooconfig.yaml",
          List.of("tests[1].options.transform: \"transform\" is not supported", "tests[1].assert[2].transform"),
          "eval-f-score/promptfooconfig.yaml",
          List.of("prompts[0].config: \"config\" is not supported", "tests: file not found: "),
          "eval-f-score/promptfooconfig.weight0-legacy.yaml",
          List.of("prompts[0].config: \"config\" is not supported", "tests: file not found: "),
          "ollama/promptfooconfig.yaml",
          List.of(
              "prompts[0].id: file not found: ",
              "providers[0].prompts: \"prompts\" is not supported here: provider-specific prompts",
              "providers[1].prompts",
              "providers[2].prompts"));

  @TempDir Path dir;

  private final SuiteLoader loader = TestVocabulary.loader();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "getting-started/promptfooconfig.yaml, 2, 2, 2",
    "simple-test/promptfooconfig.yaml, 2, 1, 5",
    "simple-csv/promptfooconfig.yaml, 2, 1, 4",
    "config-csv-metadata/promptfooconfig.yaml, 1, 1, 3",
    "eval-custom-grader-csv/promptfooconfig.yaml, 2, 1, 4",
    "eval-customer-support-rubric/promptfooconfig.yaml, 1, 1, 8",
    "config-multiple-translations/promptfooconfig.yaml, 2, 3, 25",
    "config-multiple-translations/promptfooconfig-scenarios.yaml, 2, 3, 9",
    "config-external-defaulttest/promptfooconfig.yaml, 1, 2, 4",
    "eval-self-grading/promptfooconfig.yaml, 2, 1, 2",
    "eval-select-best/promptfooconfig.yaml, 2, 1, 2",
    "eval-max-score-selection/promptfooconfig.yaml, 3, 3, 2",
    "llama-cpp/promptfooconfig.yaml, 10, 1, 1"
  })
  void loadsPromptfooExample(String file, int prompts, int providers, int tests) {
    Suite suite = loader.load(ROOT.resolve(file));

    assertThat(suite.prompts()).hasSize(prompts);
    assertThat(suite.providers()).hasSize(providers);
    assertThat(suite.tests()).hasSize(tests);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "eval-json-output/promptfooconfig.yaml",
        "eval-f-score/promptfooconfig.yaml",
        "eval-f-score/promptfooconfig.weight0-legacy.yaml",
        "ollama/promptfooconfig.yaml"
      })
  void rejectsExamplesUsingUnsupportedFeaturesAndSaysWhy(String file) {
    SuiteValidationException failure =
        catchThrowableOfType(SuiteValidationException.class, () -> loader.load(ROOT.resolve(file)));

    List<String> expected = UNSUPPORTED.get(file);
    assertThat(failure.problems()).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(failure.problems().get(i).format()).contains(expected.get(i));
    }
  }

  @Test
  void everyExampleIsEitherLoadedOrListedAsUnsupported() throws IOException {
    List<String> all;
    try (Stream<Path> files = Files.walk(ROOT)) {
      all =
          files.filter(file -> file.getFileName().toString().startsWith("promptfooconfig"))
              .map(file -> ROOT.relativize(file).toString())
              .sorted()
              .toList();
    }
    assertThat(all).hasSize(17);
    for (String file : all) {
      if (UNSUPPORTED.containsKey(file)) continue;
      assertThat(loader.load(ROOT.resolve(file)).prompts()).as(file).isNotEmpty();
    }
  }

  @Test
  void customerSupportRubricKeepsThresholdsMetadataAndGrader() {
    Suite suite = loader.load(ROOT.resolve("eval-customer-support-rubric/promptfooconfig.yaml"));

    assertThat(suite.providers()).containsExactly(new ProviderSpec("echo", "Mock support assistant", null, null));
    TestCase first = suite.tests().getFirst();
    assertThat(first.description()).isEqualTo("ES refund ticket answered in Spanish");
    assertThat(first.vars()).containsOnlyKeys("language", "context", "customer_message", "reply");
    assertThat(first.metadata()).isEqualTo(Map.of("severity", "high"));
    assertThat(first.threshold()).isNull();
    assertThat(first.grader()).isEqualTo(ProviderSpec.of("openai:gpt-4.1-mini"));
    assertThat(first.asserts())
        .extracting(AssertionSpec::metric)
        .containsExactly("correct", "resolved", "honest", "handoff", "language_fit");
    assertThat(suite.tests().get(3).threshold()).isZero();
  }

  @Test
  void csvMetadataExampleAppliesPerAssertionThresholdsAndTagLists() {
    Suite suite = loader.load(ROOT.resolve("config-csv-metadata/promptfooconfig.yaml"));

    TestCase quantum = suite.tests().get(1);
    assertThat(quantum.asserts())
        .containsExactly(
            new Assertion("contains", false, NODES.textNode("quantum"), 0.85, 1, null, null),
            new Assertion(
                "llm-rubric", false, NODES.textNode("Does this describe {{topic}} accurately?"), 0.75, 1, null, null));
    assertThat(quantum.metadata())
        .isEqualTo(Map.of("category", "science", "tags", List.of("physics", "advanced,theory", "quantum")));
  }

  @Test
  void simpleTestExampleResolvesTemplatesAndKeepsYesAString() {
    Suite suite = loader.load(ROOT.resolve("simple-test/promptfooconfig.yaml"));

    assertThat(suite.tests().getFirst().vars()).isEqualTo(Map.of("body", "Yes"));
    assertThat(suite.tests().get(4).asserts().get(1))
        .isEqualTo(new Assertion("icontains", false, NODES.textNode("arrr"), null, 1, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "assert-set-all.yaml, 1, 1",
    "assert-set-threshold.yaml, 1, 1",
    "named-metrics.yaml, 6, 5",
    "test-threshold.yaml, 2, 1",
    "weighted-assertions.yaml, 2, 1",
    "levenshtein-var.yaml, 1, 1"
  })
  void loadsDocsSnippetsThatHoldTests(String snippet, int assertions, int tests) throws IOException {
    String text = Files.readString(ROOT.resolve("docs-snippets").resolve(snippet));

    Suite suite = loader.parse("prompts: ['{{example}}']\nproviders: [echo]\n" + text, snippet, dir);

    assertThat(suite.tests()).hasSize(tests);
    assertThat(suite.tests().stream().mapToInt(test -> test.asserts().size()).sum()).isEqualTo(assertions);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"bleu-gleu.yaml, 4", "levenshtein.yaml, 1", "rouge-n.yaml, 3"})
  void loadsDocsSnippetsThatHoldAssertionsAsADefaultTest(String snippet, int assertions) {
    Path file = ROOT.resolve("docs-snippets").resolve(snippet).toAbsolutePath();

    String text = "prompts: [hi]\nproviders: [echo]\ndefaultTest: file://" + file + "\ntests: [{}]\n";

    Suite suite = loader.parse(text, "s.yaml", dir);

    assertThat(suite.tests().getFirst().asserts()).hasSize(assertions);
  }

  @Test
  void docsCsvExpectedColumnBecomesTypedAssertions() {
    Path file = ROOT.resolve("docs-snippets/csv-expected-tests.csv").toAbsolutePath();

    Suite suite = loader.parse("prompts: ['{{text}}']\nproviders: [echo]\ntests: file://" + file + "\n", "s.yaml", dir);

    assertThat(suite.tests())
        .extracting(test -> test.asserts().getFirst())
        .containsExactly(
            new Assertion("equals", false, NODES.textNode("Bonjour le monde"), null, 1, null, null),
            new Assertion("javascript", false, NODES.textNode("output.includes('Au revoir');"), null, 1, null, null),
            new Assertion(
                "llm-rubric",
                false,
                NODES.textNode("doesn't reference any fruits besides pineapple"),
                null,
                1,
                null,
                null));
  }
}
