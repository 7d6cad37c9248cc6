package dev.ltb.evaluator;

import static dev.ltb.evaluator.EvaluatorTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.evaluator.judge.Judges;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderContext;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.AssertionSet;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorInventoryTest {

  private final EvaluatorRegistry registry =
      BuiltInEvaluators.registry(
          new Judges(BuiltInProviders.registry(), ProviderContext.defaults(Path.of("."))));

  @Test
  void recordsEachTypesVersionAndEveryModelThatGradesIt() {
    Assertion rubric = new Assertion("llm-rubric", false, yaml("polite"), null, 1, null, null);
    Assertion rubricByOwnJudge =
        new Assertion(
            "llm-rubric",
            false,
            yaml("short"),
            null,
            1,
            null,
            null,
            ProviderSpec.of(
                "openai:chat:gpt-4o", yaml("{apiKey: sk-do-not-record, temperature: 0.2}")));
    Assertion similar = new Assertion("similar", true, yaml("Paris"), null, 1, null, null);
    Assertion contains = new Assertion("contains", false, yaml("Paris"), null, 1, null, null);
    TestCase gradedByTest =
        new TestCase(
            "a",
            Map.of(),
            List.of(rubric, new AssertionSet(List.of(contains, similar), null, 1, null)),
            null,
            Map.of(),
            ProviderSpec.of("scripted:judge", yaml("{responses: {default: x}}")));
    TestCase gradedByDefault =
        new TestCase("b", Map.of(), List.of(rubric, rubricByOwnJudge), null, Map.of());
    Suite suite =
        new Suite(
            "s",
            List.of(new Prompt("p", null, "hi")),
            List.of(ProviderSpec.of("echo")),
            List.of(gradedByTest, gradedByDefault),
            null,
            null);

    assertThat(EvaluatorInventory.of(suite, registry))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "contains",
                "1",
                "similar",
                "1; graded by embedded:all-minilm-l6-v2",
                "llm-rubric",
                "1; graded by scripted:judge {\"responses\":{\"default\":\"x\"}}, openai:chat:gpt-4o-mini"
                    + " {\"temperature\":0},"
                    + " openai:chat:gpt-4o {\"apiKey\":\"***\",\"temperature\":0.2}"));
  }
}
