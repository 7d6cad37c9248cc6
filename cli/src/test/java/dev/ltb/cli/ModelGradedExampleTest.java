package dev.ltb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/model-graded runs offline: a scripted judge, the embedded similarity model, a derived
 * metric.
 */
class ModelGradedExampleTest {

  static final Path EXAMPLE = Path.of("..", "examples", "model-graded", "suite.yaml");

  @TempDir Path dir;

  @Test
  void judgesEmbedsDerivesAndRecordsWhatGraded() throws IOException {
    Path jsonl = dir.resolve("results.jsonl");

    var result =
        new CliRunner(dir.resolve("history.db"))
            .run(
                "run",
                EXAMPLE.toString(),
                "-o",
                jsonl.toString(),
                "--min-pass-rate",
                "0",
                "--no-progress");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.err()).doesNotContain("ai.djl");
    List<JsonNode> lines =
        Files.readAllLines(jsonl).stream().map(ModelGradedExampleTest::json).toList();
    JsonNode france = lines.get(0);
    JsonNode italy = lines.get(1);

    assertThat(france.path("status").asText()).isEqualTo("PASS");
    assertThat(france.path("assertions").get(0).path("reason").asText())
        .isEqualTo("names Paris, the capital");
    assertThat(france.path("assertions").get(1).path("reason").asText())
        .isEqualTo(
            "cosine similarity 0.97 to \"Paris is the capital city of France.\" ≥ threshold 0.75");
    assertThat(france.path("judgeTokens").path("input").asLong()).isPositive();

    assertThat(italy.path("status").asText()).isEqualTo("FAIL");
    assertThat(italy.path("reason").asText()).isEqualTo("Milan is not the capital of Italy");
    JsonNode scores = italy.path("namedScores");
    assertThat(scores.path("correctness").asDouble()).isZero();
    assertThat(scores.path("overall").asDouble())
        .isCloseTo(
            (scores.path("correctness").asDouble() + scores.path("closeness").asDouble()) / 2,
            within(1e-12));

    JsonNode evaluators = lines.getLast().path("evaluators");
    assertThat(evaluators.path("similar").asText())
        .isEqualTo("1; graded by embedded:all-minilm-l6-v2");
    assertThat(evaluators.path("llm-rubric").asText())
        .startsWith("1; graded by scripted:judge {\"responses\":");
  }

  private static JsonNode json(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
