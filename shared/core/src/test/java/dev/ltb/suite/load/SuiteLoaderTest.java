package dev.ltb.suite.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ltb.json.Json;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.AssertionSet;
import dev.ltb.suite.AssertionSpec;
import dev.ltb.suite.DerivedMetric;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderLimits;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.RunOptions;
import dev.ltb.suite.Suite;
import dev.ltb.suite.SuiteCodec;
import dev.ltb.suite.TestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @TempDir Path dir;

  private final SuiteLoader loader = TestVocabulary.loader();

  @Test
  void resolvesASuiteWithEveryKindOfPromptAndProvider() throws IOException {
    write("prompts/pirate.txt", "Rephrase like a pirate: {{body}}\n---\nSpeak like a pirate: {{body}}\n");
    String chat =
        "[{\"role\": \"system\", \"content\": \"Be brief\"}, {\"role\": \"user\", \"content\": \"{{body}}\"}]";
    write("prompts/chat.json", chat + "\n");
    Path suiteFile =
        write(
            "suite.yaml",
            """
            description: Pirate talk
            prompts:
              - 'Say: {{body}}'
              - id: formal
                label: Formal
                raw: 'Rephrase formally: {{body}}'
              - file://prompts/pirate.txt
              - id: file://prompts/chat.json
                label: chat
            providers:
              - echo
              - id: openai:chat:gpt-4o-mini
                label: mini
                config: {temperature: 0, response_format: {type: json_object}}
                maxConcurrency: 2
                rateLimit: {requestsPerSecond: 1.5, burst: 3}
            tests:
              - description: greeting
                vars: {body: Hello}
                assert:
                  - type: icontains
                    value: ahoy
                    weight: 2
                    metric: tone
                  - type: not-contains
                    value: Hello
            options:
              repeat: 3
              maxConcurrency: 4
              timeoutMs: 30000
              maxRetries: 1
              shardSize: 10
              maxCostUsd: 2.5
            """);

    Suite suite = loader.load(suiteFile);

    assertThat(suite)
        .isEqualTo(
            new Suite(
                "Pirate talk",
                List.of(
                    new Prompt("p0", null, "Say: {{body}}"),
                    new Prompt("formal", "Formal", "Rephrase formally: {{body}}"),
                    new Prompt("p2", null, "Rephrase like a pirate: {{body}}"),
                    new Prompt("p3", null, "Speak like a pirate: {{body}}"),
                    new Prompt("p4", "chat", chat)),
                List.of(
                    ProviderSpec.of("echo"),
                    new ProviderSpec(
                        "openai:chat:gpt-4o-mini",
                        "mini",
                        json("{\"temperature\": 0, \"response_format\": {\"type\": \"json_object\"}}"),
                        new ProviderLimits(2, 1.5, 3))),
                List.of(
                    new TestCase(
                        "greeting",
                        Map.of("body", "Hello"),
                        List.of(
                            new Assertion("icontains", false, NODES.textNode("ahoy"), null, 2, "tone", null),
                            new Assertion("contains", true, NODES.textNode("Hello"), null, 1, null, null)),
                        null,
                        null)),
                new RunOptions(3, 4, Duration.ofSeconds(30), 1, 10, 2.5),
                suiteFile.toString()));
    assertThat(suite.itemCount()).isEqualTo(1L * 5 * 2 * 3);
  }

  @Test
  void mergesDefaultTestIntoEveryTestLikePromptfoo() {
    Suite suite =
        parse(
            """
            prompts: ['{{question}} ({{tone}})']
            providers: [echo]
            defaultTest:
              vars: {tone: polite, audience: kids}
              threshold: 0.5
              metadata: {suite: faq, owner: docs}
              options:
                provider: openai:chat:gpt-4o-mini
              assert:
                - type: not-icontains
                  value: as an AI
            tests:
              - vars: {question: 'Why is the sky blue?', tone: curt}
                metadata: {owner: science}
                assert:
                  - type: icontains
                    value: scatter
              - vars: {question: 'What is 2 + 2?'}
                threshold: 1
                options:
                  provider: {id: anthropic:messages:claude-haiku, config: {temperature: 0}}
            """);

    Assertion notAnAi = new Assertion("icontains", true, NODES.textNode("as an AI"), null, 1, null, null);
    assertThat(suite.tests())
        .containsExactly(
            new TestCase(
                null,
                ordered("tone", "curt", "audience", "kids", "question", "Why is the sky blue?"),
                List.of(notAnAi, new Assertion("icontains", false, NODES.textNode("scatter"), null, 1, null, null)),
                0.5,
                ordered("suite", "faq", "owner", "science"),
                ProviderSpec.of("openai:chat:gpt-4o-mini")),
            new TestCase(
                null,
                ordered("tone", "polite", "audience", "kids", "question", "What is 2 + 2?"),
                List.of(notAnAi),
                1.0,
                ordered("suite", "faq", "owner", "docs"),
                ProviderSpec.of("anthropic:messages:claude-haiku", json("{\"temperature\": 0}"))));
    assertThat(suite.tests().getFirst().description())
        .isEqualTo("tone=curt, audience=kids, question=Why is the sky blue?");
  }

  @Test
  void expandsListVarsIntoTheirCartesianProduct() {
    Suite suite =
        parse(
            """
            prompts: ['Translate {{input}} into {{language}}']
            providers: [echo]
            tests:
              - vars:
                  language: [French, German]
                  input: [Hello, Thanks, Bye]
                  glossary: [1, 2]
              - vars: {language: [Spanish, Italian]}
                options: {disableVarExpansion: true}
            """);

    assertThat(suite.tests())
        .extracting(TestCase::vars)
        .containsExactly(
            ordered("language", "French", "input", "Hello", "glossary", List.of(1, 2)),
            ordered("language", "French", "input", "Thanks", "glossary", List.of(1, 2)),
            ordered("language", "French", "input", "Bye", "glossary", List.of(1, 2)),
            ordered("language", "German", "input", "Hello", "glossary", List.of(1, 2)),
            ordered("language", "German", "input", "Thanks", "glossary", List.of(1, 2)),
            ordered("language", "German", "input", "Bye", "glossary", List.of(1, 2)),
            Map.of("language", List.of("Spanish", "Italian")));
  }

  @Test
  void readsCsvTestsWithPromptfooColumnConventions() throws IOException {
    write(
        "data/tests.csv",
        """
        question,__expected1,__expected2,__description,__threshold,__metric,__metadata:category,\
        __metadata:tags[],__config:__expected2:threshold
        "Capital of France, please",contains: Paris,"similar(0.9):Paris is the capital",capital,0.5,geo,places,\
        "europe,city\\,capital",0.95
        2+2?,4,,,,,math,,
        Any JSON?,is-json,not-icontains:sorry,,0,,,,
        """);

    Suite suite = parse("prompts: ['{{question}}']\nproviders: [echo]\ntests: file://data/tests.csv\n");

    assertThat(suite.tests())
        .containsExactly(
            new TestCase(
                "capital",
                Map.of("question", "Capital of France, please"),
                List.of(
                    new Assertion("contains", false, NODES.textNode("Paris"), null, 1, "geo", null),
                    new Assertion("similar", false, NODES.textNode("Paris is the capital"), 0.95, 1, "geo", null)),
                0.5,
                ordered("category", "places", "tags", List.of("europe", "city,capital"))),
            new TestCase(
                null,
                Map.of("question", "2+2?"),
                List.of(new Assertion("equals", false, NODES.textNode("4"), null, 1, null, null)),
                null,
                Map.of("category", "math")),
            new TestCase(
                null,
                Map.of("question", "Any JSON?"),
                List.of(
                    new Assertion("is-json", false, null, null, 1, null, null),
                    new Assertion("icontains", true, NODES.textNode("sorry"), null, 1, null, null)),
                0.0,
                Map.of()));
  }

  @Test
  void readsJsonLinesAndYamlTestFilesAndGlobs() throws IOException {
    write(
        "cases/a.jsonl",
        """
        {"vars": {"q": "one"}}

        {"vars": {"q": "two"}, "assert": [{"type": "is-json"}]}
        """);
    write("cases/b.yaml", "- vars: {q: three}\n");
    write("cases/c.json", "[{\"vars\": {\"q\": \"four\"}}]");

    Suite suite =
        parse(
            """
            prompts: ['{{q}}']
            providers: [echo]
            tests:
              - file://cases/*.jsonl
              - vars: {q: inline}
              - file://cases/b.yaml
              - file://cases/c.json
            """);

    assertThat(suite.tests())
        .extracting(test -> test.vars().get("q"))
        .containsExactly("one", "two", "inline", "three", "four");
    assertThat(suite.tests().get(1).asserts())
        .containsExactly(new Assertion("is-json", false, null, null, 1, null, null));
  }

  @Test
  void resolvesAssertionTemplatesAndAssertSets() {
    Suite suite =
        parse(
            """
            prompts: [hi]
            providers: [echo]
            assertionTemplates:
              pirate: {type: icontains, value: arr, metric: tone}
            tests:
              - assert:
                  - $ref: '#/assertionTemplates/pirate'
                  - type: assert-set
                    threshold: 0.5
                    weight: 2
                    metric: speed
                    assert:
                      - {type: cost, threshold: 0.001}
                      - {type: latency, threshold: 200}
            """);

    assertThat(suite.tests().getFirst().asserts())
        .containsExactly(
            new Assertion("icontains", false, NODES.textNode("arr"), null, 1, "tone", null),
            new AssertionSet(
                List.of(
                    new Assertion("cost", false, null, 0.001, 1, null, null),
                    new Assertion("latency", false, null, 200.0, 1, null, null)),
                0.5,
                2,
                "speed"));
  }

  @Test
  void combinesScenarioConfigsWithTheirTests() {
    Suite suite =
        parse(
            """
            prompts: ['Translate {{input}} into {{language}}']
            providers: [echo]
            defaultTest:
              assert: [{type: is-json}]
            scenarios:
              - config:
                  - vars: {language: Spanish, hello: Hola}
                  - vars: {language: French, hello: Bonjour}
                tests:
                  - description: hello
                    vars: {input: Hello}
                    assert: [{type: similar, value: '{{hello}}', threshold: 0.9}]
            """);

    assertThat(suite.tests())
        .containsExactly(
            new TestCase(
                "hello",
                ordered("language", "Spanish", "hello", "Hola", "input", "Hello"),
                List.of(
                    new Assertion("is-json", false, null, null, 1, null, null),
                    new Assertion("similar", false, NODES.textNode("{{hello}}"), 0.9, 1, null, null)),
                null,
                null),
            new TestCase(
                "hello",
                ordered("language", "French", "hello", "Bonjour", "input", "Hello"),
                List.of(
                    new Assertion("is-json", false, null, null, 1, null, null),
                    new Assertion("similar", false, NODES.textNode("{{hello}}"), 0.9, 1, null, null)),
                null,
                null));
  }

  @Test
  void readsJsonSuitesAndKeepsYamlWordsLikeYesAsStrings() {
    Suite json =
        loader.parse(
            "{\"prompts\": [\"{{a}}\"], \"providers\": \"echo\", \"tests\": [{\"vars\": {\"a\": \"x\"}}]}",
            "suite.json",
            dir);
    Suite yaml = parse("prompts: '{{a}}'\nproviders: echo\ntests:\n  - vars: {a: Yes, b: on, c: true, d: 0.90}\n");

    assertThat(json.prompts()).containsExactly(new Prompt("p0", null, "{{a}}"));
    assertThat(json.providers()).containsExactly(ProviderSpec.of("echo"));
    assertThat(yaml.tests().getFirst().vars()).isEqualTo(ordered("a", "Yes", "b", "on", "c", true, "d", 0.9));
  }

  @Test
  void acceptsAndIgnoresPromptfooKeysWeDoNotUse() {
    Suite suite =
        parse(
            """
            prompts: [hi]
            providers: [echo]
            sharing: false
            outputPath: results.json
            env: {OPENAI_API_KEY: from-the-environment}
            nunjucksFilters: {shout: ./shout.js}
            x-owner: docs team
            evaluateOptions: {maxConcurrency: 2, delay: 100, cache: false}
            """);

    assertThat(suite.options()).isEqualTo(RunOptions.defaults().withMaxConcurrency(2));
    assertThat(suite.tests()).isEmpty();
  }

  @Test
  void readsDerivedMetricsInOrder() {
    Suite suite =
        parse(
            """
            prompts: [hi]
            providers: [echo]
            derivedMetrics:
              - {name: precision, value: 'tp + fp > 0 ? tp / (tp + fp) : 0'}
              - {name: f1, value: 2 * precision * recall / (precision + recall)}
            """);

    assertThat(suite.derivedMetrics())
        .containsExactly(
            new DerivedMetric("precision", "tp + fp > 0 ? tp / (tp + fp) : 0"),
            new DerivedMetric("f1", "2 * precision * recall / (precision + recall)"));
  }

  @Test
  void readsTheGraderOfAnAssertion() {
    Suite suite =
        parse(
            """
            prompts: [hi]
            providers: [echo]
            tests:
              - assert:
                  - {type: llm-rubric, value: is polite, provider: openai:chat:gpt-4o}
                  - type: similar
                    value: hello
                    provider: {id: ollama:embed:all-minilm, config: {apiBaseUrl: 'http://127.0.0.1:11434'}}
                  - {type: llm-rubric, value: is short}
            """);

    List<AssertionSpec> asserts = suite.tests().getFirst().asserts();
    assertThat(((Assertion) asserts.get(0)).grader()).isEqualTo(ProviderSpec.of("openai:chat:gpt-4o"));
    assertThat(((Assertion) asserts.get(1)).grader())
        .isEqualTo(ProviderSpec.of("ollama:embed:all-minilm", json("{\"apiBaseUrl\": \"http://127.0.0.1:11434\"}")));
    assertThat(((Assertion) asserts.get(2)).grader()).isNull();
    assertThat(SuiteCodec.fromJson(SuiteCodec.toJson(suite))).isEqualTo(suite);
  }

  @Test
  void survivesACodecRoundTrip() throws IOException {
    write("tests.csv", "q,__expected\nhi,\"contains-any:a,b\"\n");
    Suite suite =
        parse(
            """
            prompts: ['{{q}}', {id: mine, label: Mine, raw: 'Q: {{q}}'}]
            providers:
              - id: openai:chat:gpt-4o-mini
                config: {temperature: 0.2, stop: ['\\n']}
                rateLimit: {requestsPerSecond: 2}
            defaultTest:
              options: {provider: echo}
              metadata: {team: qa}
            tests:
              - file://tests.csv
              - vars: {q: [x, y], n: 3, nested: {k: v}}
                threshold: 0.75
                assert:
                  - {type: javascript, value: 'output.length < 10', config: {strict: true}}
                  - type: assert-set
                    assert: [{type: not-regex, value: '\\d+'}]
            options: {timeoutMs: 5000, maxCostUsd: 1.25}
            """);

    Suite restored = SuiteCodec.fromJson(SuiteCodec.toJson(suite));

    assertThat(restored).isEqualTo(suite);
    assertThat(restored.tests()).hasSize(3);
  }

  private Suite parse(String text) {
    return loader.parse(text, "suite.yaml", dir);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A map that keeps the order its entries are given in, as vars do. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return map;
  }
}
