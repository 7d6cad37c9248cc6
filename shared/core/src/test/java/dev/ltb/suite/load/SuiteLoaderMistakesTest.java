package dev.ltb.suite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mistake a user can make is reported at the line and column they wrote it, with the field and a
 * message that says what is wrong and what is allowed.
 */
class SuiteLoaderMistakesTest {

  private static final String HEAD = "prompts: ['Answer: {{question}}']\nproviders: [echo]\n";

  @TempDir Path dir;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake(
            "unknown assertion type, with a suggestion",
            HEAD
                + """
                tests:
                  - vars: {question: Capital of France}
                    assert:
                      - type: contians
                        value: Paris
                """,
            "suite.yaml:6:15: tests[0].assert[0].type: unknown assertion type \"contians\"; did you mean"
                + " \"contains\"?"),
        mistake(
            "negated unknown assertion type keeps the prefix in the suggestion",
            HEAD + "tests:\n  - assert:\n      - {type: not-icontian, value: sorry}\n",
            "suite.yaml:5:16: tests[0].assert[0].type: unknown assertion type \"not-icontian\"; did you mean"
                + " \"not-icontains\"?"),
        mistake(
            "derived metric that does not parse",
            HEAD + "derivedMetrics:\n  - name: f1\n    value: 'tp / (tp + '\n",
            "suite.yaml:5:12: derivedMetrics[0].value: the expression \"tp / (tp + \" does not parse: Closing brace"
                + " not found"),
        mistake(
            "derived metric named twice",
            HEAD + "derivedMetrics:\n  - {name: f1, value: a}\n  - {name: f1, value: b}\n",
            "suite.yaml:5:12: derivedMetrics[1].name: duplicate derived metric \"f1\" (also derivedMetrics[0])"),
        mistake(
            "unknown grader id on an assertion",
            HEAD + "tests:\n  - assert:\n      - type: llm-rubric\n        value: is polite\n"
                + "        provider: opneai:chat:gpt-4o\n",
            "suite.yaml:7:19: tests[0].assert[0].provider: unknown provider id \"opneai:chat:gpt-4o\"; no installed"
                + " provider handles it (ids look like vendor:api:model, e.g. openai:chat:gpt-4o-mini; see"
                + " docs/providers.md)"),
        mistake(
            "missing prompts",
            "description: no prompts\nproviders: [echo]\n",
            "suite.yaml:1:1: prompts: required key is missing; list at least one prompt template, e.g. prompts:"
                + " ['Answer briefly: {{question}}']"),
        mistake(
            "providers written as a map instead of a list",
            "prompts: [hi]\nproviders:\n  id: echo\n",
            "suite.yaml:3:3: providers: must be a string or a list, got a map; write a list such as [echo], or"
                + " entries with an id (- id: openai:chat:gpt-4o-mini)"),
        mistake(
            "unknown provider id",
            "prompts: [hi]\nproviders:\n  - echo\n  - id: opneai:chat:gpt-4o-mini\n",
            "suite.yaml:4:9: providers[1].id: unknown provider id \"opneai:chat:gpt-4o-mini\"; no installed provider"
                + " handles it (ids look like vendor:api:model, e.g. openai:chat:gpt-4o-mini; see docs/providers.md)"),
        mistake(
            "negative weight",
            HEAD + "tests:\n  - assert:\n      - type: contains\n        value: x\n        weight: -2\n",
            "suite.yaml:7:17: tests[0].assert[0].weight: must be >= 0, got -2"),
        mistake(
            "threshold that is not a number",
            HEAD + "tests:\n  - assert:\n      - type: similar\n        value: Paris\n        threshold: high\n",
            "suite.yaml:7:20: tests[0].assert[0].threshold: must be a number, got \"high\""),
        mistake(
            "test threshold above 1",
            HEAD + "tests:\n  - threshold: 1.5\n    assert: [{type: is-json}]\n",
            "suite.yaml:4:16: tests[0].threshold: must be <= 1, got 1.5"),
        mistake(
            "bad YAML syntax: the parser's own line and column",
            "prompts: [hi\nproviders: [echo]\n",
            "suite.yaml:2:10: syntax error: expected ',' or ']', but got : (while parsing a flow sequence that"
                + " starts at 1:10)"),
        mistake(
            "bad indentation",
            "prompts:\n  - hi\n providers: [echo]\n",
            "suite.yaml:3:2: syntax error: expected <block end>, but found '<block mapping start>' (while parsing a"
                + " block mapping that starts at 1:1)"),
        mistake(
            "duplicate provider labels",
            "prompts: [hi]\nproviders:\n  - id: openai:chat:gpt-4o-mini\n    label: fast\n"
                + "  - id: anthropic:messages:claude-haiku\n    label: fast\n",
            "suite.yaml:6:12: providers[1].label: duplicate provider label \"fast\" (also providers[0]); give each"
                + " provider a distinct \"label\""),
        mistake(
            "the same provider twice without labels",
            "prompts: [hi]\nproviders: [echo, echo]\n",
            "suite.yaml:2:19: providers[1]: duplicate provider label \"echo\" (also providers[0]); give each provider"
                + " a distinct \"label\""),
        mistake(
            "unknown top-level key that is a typo of a known one",
            HEAD + "test:\n  - vars: {question: hi}\n",
            "suite.yaml:3:1: test: unknown key \"test\"; did you mean \"tests\"?"),
        mistake(
            "misspelled assert key in a test",
            HEAD + "tests:\n  - vars: {question: hi}\n    asserts:\n      - type: is-json\n",
            "suite.yaml:5:5: tests[0].asserts: unknown key \"asserts\"; did you mean \"assert\"?"),
        mistake(
            "unknown top-level key that resembles nothing",
            HEAD + "colour: blue\n",
            "suite.yaml:3:1: colour: unknown key \"colour\"; allowed keys: description, prompts, providers, tests,"
                + " scenarios, defaultTest, options, evaluateOptions, assertionTemplates, plugins, derivedMetrics (prefix keys of"
                + " your own with x-)"),
        mistake(
            "repeat 0",
            HEAD + "options:\n  repeat: 0\n",
            "suite.yaml:4:11: options.repeat: must be >= 1, got 0"),
        mistake(
            "assert-set without assert",
            HEAD + "tests:\n  - assert:\n      - type: assert-set\n        threshold: 0.5\n",
            "suite.yaml:5:9: tests[0].assert[0].assert: required key is missing; an assert-set groups assertions:"
                + " give it an \"assert\" list"),
        mistake(
            "negated assert-set",
            HEAD + "tests:\n  - assert:\n      - type: not-assert-set\n        value: x\n",
            "suite.yaml:5:15: tests[0].assert[0].type: an assert-set cannot be negated; negate the assertions inside"
                + " it"),
        mistake(
            "vars not a map",
            HEAD + "tests:\n  - vars: [question, hi]\n",
            "suite.yaml:4:11: tests[0].vars: must be a map, got a list; vars map each name to a value, e.g. vars:"
                + " {question: What is 2 + 2?}"),
        mistake(
            "value missing for a type that requires it",
            HEAD + "tests:\n  - assert:\n      - type: is-json\n      - type: icontains\n",
            "suite.yaml:6:9: tests[0].assert[1].value: assertion type \"icontains\" needs a value (what to compare"
                + " the output with)"),
        mistake(
            "duplicate key in a map",
            HEAD + "tests:\n  - vars: {question: a}\n    vars: {question: b}\n",
            "suite.yaml:5:5: tests[0].vars: duplicate key \"vars\" (first written on line 4); keep one"),
        mistake(
            "tests that are neither a list nor a file reference",
            HEAD + "tests: tests.csv\n",
            "suite.yaml:3:8: tests: must be a file:// reference such as file://tests.csv, or an uploaded dataset such as"
                + " dataset://capital-cities, got \"tests.csv\""),
        mistake(
            "unresolvable assertion template",
            HEAD
                + "assertionTemplates:\n  pirate: {type: icontains, value: arr}\n"
                + "tests:\n  - assert:\n      - $ref: '#/assertionTemplates/pirates'\n",
            "suite.yaml:7:15: tests[0].assert[0].$ref: cannot resolve \"#/assertionTemplates/pirates\"; write"
                + " \"#/assertionTemplates/<name>\" with a template defined under assertionTemplates"
                + " (defined: pirate)"),
        mistake(
            "prompt object without a template",
            "prompts:\n  - label: greeting\nproviders: [echo]\n",
            "suite.yaml:2:5: prompts[0]: a prompt object needs the template in \"raw\" (or \"content\"), or an id that"
                + " is a file:// reference"),
        mistake(
            "chat prompt with a message lacking its role",
            "prompts:\n  - '[{\"role\": \"system\", \"content\": \"Be brief\"}, {\"content\": \"{{q}}\"}]'\n"
                + "providers: [echo]\n",
            "suite.yaml:2:5: prompts[0]: chat message 2 must be an object with \"role\" and \"content\" (e.g."
                + " {\"role\": \"user\", \"content\": \"...\"})"),
        mistake(
            "duplicate prompt ids",
            "prompts:\n  - {id: short, raw: 'Answer: {{q}}'}\n  - {id: short, raw: 'Reply: {{q}}'}\n"
                + "providers: [echo]\n",
            "suite.yaml:3:10: prompts[1].id: duplicate prompt id \"short\" (also prompts[0]); give each prompt its"
                + " own id"),
        mistake(
            "promptfoo provider-specific prompts",
            "prompts: [hi]\nproviders:\n  - id: echo\n    prompts: [hi]\n",
            "suite.yaml:4:5: providers[0].prompts: \"prompts\" is not supported here: provider-specific prompts are"
                + " not supported: every prompt runs on every provider; split the suite to pair prompts with"
                + " providers"),
        mistake(
            "options and evaluateOptions together",
            HEAD + "options: {repeat: 2}\nevaluateOptions: {maxConcurrency: 2}\n",
            "suite.yaml:4:1: evaluateOptions: write either \"options\" or \"evaluateOptions\" (the same keys), not"
                + " both"),
        mistake(
            "rate limit of zero",
            "prompts: [hi]\nproviders:\n  - id: echo\n    rateLimit: {requestsPerSecond: 0}\n",
            "suite.yaml:4:36: providers[0].rateLimit.requestsPerSecond: must be > 0, got 0"),
        mistake("empty file", "", "suite.yaml:1:1: the file is empty; a suite needs at least prompts and providers"),
        mistake(
            "missing file:// tests file",
            HEAD + "tests: file://data/tests.csv\n",
            "suite.yaml:3:8: tests: file not found: data/tests.csv (looked for {dir}/data/tests.csv)"),
        mistake(
            "CSV with a misspelled __expected type",
            HEAD + "tests: file://tests.csv\n",
            Map.of("tests.csv", "question,__expected\nCapital of France?,contians: Paris\n"),
            "tests.csv:2:20: __expected: unknown assertion type \"contians\"; did you mean \"contains\"? (to compare"
                + " the output with this exact text, write equals:contians: Paris)"),
        mistake(
            "CSV with a threshold that is not a number, in parentheses and in __threshold",
            HEAD + "tests: file://tests.csv\n",
            Map.of("tests.csv", "question,__expected,__threshold\nhi,similar(high):hello,\nhey,hello,most\n"),
            "tests.csv:2:4: __expected: the threshold in \"similar(high)\" must be a number, e.g. similar(0.8):text",
            "tests.csv:3:11: __threshold: must be a number, got \"most\""),
        mistake(
            "CSV assertion type the bench does not know",
            HEAD + "tests:\n  - file://tests.csv\n",
            Map.of("tests.csv", "question,__expected1,__expected2\n\"a, b\",is-json,\"is-xml\"\n"),
            "tests.csv:2:16: __expected2: unknown assertion type \"is-xml\"; known types: answer-relevance, bleu,"
                + " contains, contains-all, contains-any, contains-json, cost, equals, gleu, icontains, icontains-all,"
                + " icontains-any, is-json, javascript, latency, levenshtein, llm-rubric, max-score, python, regex,"
                + " rouge-n, select-best, similar, starts-with (each may take the not- prefix; plugin:<name> runs a"
                + " WASM plugin)"),
        mistake(
            "CSV special column with one underscore",
            HEAD + "tests: file://tests.csv\n",
            Map.of("tests.csv", "question,_expected\nhi,hello\n"),
            "tests.csv:1:10: _expected: column \"_expected\" has one leading underscore; special columns take two:"
                + " \"__expected\""),
        mistake(
            "JSONL tests file with a bad line",
            HEAD + "tests: file://tests.jsonl\n",
            Map.of(
                "tests.jsonl",
                """
                {"vars": {"question": "hi"}}
                {"vars": {"question": "yo"}, "assert": [{"type": "equal"}]}
                """),
            "tests.jsonl:2:50: [1].assert[0].type: unknown assertion type \"equal\"; did you mean \"equals\"?"),
        mistake(
            "YAML tests file that is a map instead of a list",
            HEAD + "tests: file://tests.yaml\n",
            Map.of("tests.yaml", "vars:\n  question: hi\n"),
            "tests.yaml:1:1: must be a list, got a map; a tests file holds a list of tests, each a map with keys"
                + " such as vars and assert"),
        mistake(
            "defaultTest file with an unknown key",
            HEAD + "defaultTest: file://shared/default.yaml\n",
            Map.of("shared/default.yaml", "assert:\n  - type: is-json\nthreshhold: 0.5\n"),
            "shared/default.yaml:3:1: threshhold: unknown key \"threshhold\"; did you mean \"threshold\"?"),
        mistake(
            "CSV with a quote that is never closed",
            HEAD + "tests: file://tests.csv\n",
            Map.of("tests.csv", "question,__expected\nhi,\"unclosed\nyo,x\n"),
            "tests.csv:2:1: CSV syntax error: a quoted cell is never closed; add the closing \""),
        mistake(
            "CSV with text after a closing quote",
            HEAD + "tests: file://tests.csv\n",
            Map.of("tests.csv", "question,__expected\n\"a\"b,x\n"),
            "tests.csv:2:4: CSV syntax error: text after a closing quote; inside a quoted cell write \"\" for a quote"
                + " character"),
        mistake(
            "grader that no provider handles",
            HEAD + "defaultTest:\n  options:\n    provider: {id: openia:gpt-4o}\n",
            "suite.yaml:5:20: defaultTest.options.provider.id: unknown provider id \"openia:gpt-4o\"; no installed"
                + " provider handles it (ids look like vendor:api:model, e.g. openai:chat:gpt-4o-mini; see"
                + " docs/providers.md)"),
        mistake(
            "a list where the suite map should be",
            "- prompts: [hi]\n- providers: [echo]\n",
            "suite.yaml:1:1: must be a map, got a list; a suite is a map with keys such as prompts, providers and"
                + " tests"),
        mistake(
            "prompt file of an unsupported kind",
            "prompts: [file://prompt.py]\nproviders: [echo]\n",
            Map.of("prompt.py", "def prompt(context): return 'hi'\n"),
            "suite.yaml:1:11: prompts[0]: cannot use prompt.py as a prompt: prompt files must be .txt or .md"
                + " (several prompts separated by lines of ---), or .json, .jsonl, .yaml chat messages"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void reportsTheMistakeWhereItWasWritten(String name, Map<String, String> files, List<String> expected)
      throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    String suite = files.get("suite.yaml");

    SuiteValidationException failure =
        catchThrowableOfType(
            SuiteValidationException.class, () -> TestVocabulary.loader().parse(suite, "suite.yaml", dir));

    assertThat(failure).as("expected the suite to be rejected").isNotNull();
    assertThat(failure.problems())
        .extracting(SuiteProblem::format)
        .containsExactlyElementsOf(expected.stream().map(line -> line.replace("{dir}", dir.toString())).toList());
  }

  @Test
  void saysWhyATypeThatComparesOutputsIsNotSupported() {
    SuiteLoader loader = new SuiteLoader(new SuiteVocabulary(java.util.Set.of("contains"), id -> true));

    SuiteValidationException failure =
        catchThrowableOfType(
            SuiteValidationException.class,
            () -> loader.parse(HEAD + "tests:\n  - assert:\n      - {type: select-best, value: funniest}\n", "suite.yaml", dir));

    assertThat(failure.getMessage())
        .isEqualTo(
            "suite.yaml:5:16: tests[0].assert[0].type: assertion type \"select-best\" is not supported: it compares"
                + " the outputs of every provider and prompt for a test, but the bench scores each output on its own"
                + " (possibly in different workers); use llm-rubric or g-eval on each output and compare the scores in"
                + " the report or with ltb compare");
  }

  @Test
  void reportsEveryProblemAtOnceWithItsParts() {
    String suite =
        """
        prompts: []
        providers: [echo]
        tests:
          - assert:
              - type: contains
                value: x
                weight: -1
        """;

    SuiteValidationException failure =
        catchThrowableOfType(
            SuiteValidationException.class, () -> TestVocabulary.loader().parse(suite, "suite.yaml", dir));

    assertThat(failure.problems())
        .containsExactly(
            new SuiteProblem(
                "suite.yaml", 1, 10, "prompts",
                "must not be an empty list; write a list of prompt templates or file:// references"),
            new SuiteProblem("suite.yaml", 7, 17, "tests[0].assert[0].weight", "must be >= 0, got -1"));
    assertThat(failure.getMessage())
        .isEqualTo(
            "suite.yaml:1:10: prompts: must not be an empty list; write a list of prompt templates or file://"
                + " references\n"
                + "suite.yaml:7:17: tests[0].assert[0].weight: must be >= 0, got -1");
  }

  @Test
  void reportsJsonSyntaxErrorsOfJsonSuites() {
    String suite = "{\"prompts\": [\"hi\"], \"providers\": [\"echo\"],}";

    SuiteValidationException failure =
        catchThrowableOfType(
            SuiteValidationException.class, () -> TestVocabulary.loader().parse(suite, "suite.json", dir));

    assertThat(failure.getMessage())
        .isEqualTo(
            "suite.json:1:43: syntax error: Unexpected character ('}' (code 125)): was expecting double-quote to"
                + " start field name");
  }

  @Test
  void namesAMissingSuiteFile() {
    Path missing = dir.resolve("nope.yaml");

    SuiteValidationException failure =
        catchThrowableOfType(SuiteValidationException.class, () -> TestVocabulary.loader().load(missing));

    assertThat(failure.getMessage()).isEqualTo(missing + ":1:1: no such file (looked for " + missing + ")");
  }

  private static Arguments mistake(String name, String suite, String... expected) {
    return mistake(name, suite, Map.of(), expected);
  }

  private static Arguments mistake(String name, String suite, Map<String, String> others, String... expected) {
    Map<String, String> files = new LinkedHashMap<>(others);
    files.put("suite.yaml", suite);
    return Arguments.of(name, files, List.of(expected));
  }
}
