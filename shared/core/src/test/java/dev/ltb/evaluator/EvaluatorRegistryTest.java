package dev.ltb.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.evaluator.text.ContainsEvaluator;
import dev.ltb.evaluator.text.EqualsEvaluator;
import dev.ltb.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EvaluatorRegistryTest {

  private static final Path DOC = Path.of("../../docs/evaluators.md");

  private final EvaluatorRegistry registry = BuiltInEvaluators.registry();

  @Test
  void everyRegisteredTypeIsDocumentedAndEveryDocumentedTypeIsRegistered() throws IOException {
    assertThat(documentedIds()).containsExactlyInAnyOrderElementsOf(registry.ids());
  }

  @Test
  void everyTypeHasADocumentedYamlExampleThatParses() throws IOException {
    String doc = Files.readString(DOC);
    for (String id : registry.ids()) {
      int section = doc.indexOf("#### `" + id + "`\n");
      assertThat(section).as("section for %s in %s", id, DOC).isNotNegative();
      int end = doc.indexOf("\n#", section + 1);
      String body = doc.substring(section, end < 0 ? doc.length() : end);
      assertThat(yamlBlocks(body))
          .as("YAML example of %s", id)
          .anySatisfy(yaml -> assertThat(yaml).contains("type: " + id));
    }
    for (String yaml : yamlBlocks(doc))
      assertThat(parses(yaml)).as("YAML example parses:\n%s", yaml).isTrue();
  }

  @Test
  void describesEveryBuiltInEvaluator() {
    Set<String> modelGraded =
        Set.of(
            "llm-rubric", "g-eval", "model-graded-closedqa", "factuality", "answer-relevance",
            "context-faithfulness", "context-recall", "context-relevance");
    assertThat(registry.descriptors())
        .allSatisfy(
            descriptor -> {
              assertThat(descriptor.id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*(:[a-z]+)?");
              assertThat(descriptor.version()).isEqualTo("1");
              assertThat(descriptor.description()).isNotBlank();
              assertThat(descriptor.value()).isNotBlank();
              assertThat(descriptor.needsJudge()).isEqualTo(modelGraded.contains(descriptor.id()));
            });
    assertThat(registry.descriptors())
        .extracting(EvaluatorDescriptor::id)
        .containsExactlyElementsOf(registry.ids());
  }

  @Test
  void findsEvaluatorsByType() {
    assertThat(registry.get("contains")).isInstanceOf(ContainsEvaluator.class);
    assertThat(registry.contains("contains")).isTrue();
    assertThat(registry.contains("not-contains")).isFalse();
  }

  @Test
  void namesTheKnownTypesWhenOneIsUnknown() {
    EvaluatorRegistry small =
        new EvaluatorRegistry(List.of(new EqualsEvaluator(), new ContainsEvaluator()));

    assertThatThrownBy(() -> small.get("contain"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown assertion type \"contain\"; known types: equals, contains (each may be negated"
                + " with the not- prefix)");
  }

  @Test
  void refusesTwoEvaluatorsForOneType() {
    assertThatThrownBy(
            () -> new EvaluatorRegistry(List.of(new ContainsEvaluator(), new ContainsEvaluator())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two evaluators are registered for assertion type \"contains\"");
  }

  /** The ids in the first column of the table under "## Reference". */
  private static Set<String> documentedIds() throws IOException {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("\n## Reference\n");
    assertThat(start).as("%s has a ## Reference section", DOC).isNotNegative();
    int end = doc.indexOf("\n## ", start + 1);
    Set<String> ids = new LinkedHashSet<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `([^`]+)` \\|")
            .matcher(doc.substring(start, end < 0 ? doc.length() : end));
    while (row.find())
      assertThat(ids.add(row.group(1))).as("%s is listed once", row.group(1)).isTrue();
    return ids;
  }

  private static List<String> yamlBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher block = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(markdown);
    while (block.find()) blocks.add(block.group(1));
    return blocks;
  }

  private static boolean parses(String yaml) {
    try {
      Json.yaml().readTree(yaml);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
