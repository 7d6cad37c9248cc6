package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference values from google-research/google-research rouge/rouge_scorer_test.py, whose "ground truth"
 * comes from manual runs of ROUGE-1.5.5. The test data files under src/test/resources/metric/rouge are
 * copies of that repository's rouge/testdata/target.txt, prediction.txt and
 * pyrouge_files/{target,prediction}_multi.0.txt.
 */
class RougeTest {

  private static final double TOLERANCE = 1e-4;

  private static final Rouge PLAIN = new Rouge(false);
  private static final Rouge STEMMED = new Rouge(true);

  private static String resource(String name) {
    try (InputStream in = RougeTest.class.getResourceAsStream("/metric/rouge/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String line(String file, int index) {
    return resource(file).split("\n")[index] + "\n";
  }

  private static void assertScore(RougeScore score, double precision, double recall, double fmeasure) {
    assertThat(score.precision()).as("precision").isCloseTo(precision, within(TOLERANCE));
    assertThat(score.recall()).as("recall").isCloseTo(recall, within(TOLERANCE));
    assertThat(score.fmeasure()).as("fmeasure").isCloseTo(fmeasure, within(TOLERANCE));
  }

  // testRouge1, testRouge2, testRougeLConsecutive, testRougeLNonConsecutive, testRougeEmpty (target first).
  static Stream<Arguments> smallCases() {
    return Stream.of(
        Arguments.of("rouge1", "testing one two", "testing", 1.0, 1 / 3.0, 1 / 2.0),
        Arguments.of("rouge2", "testing one two", "testing one", 1.0, 1 / 2.0, 2 / 3.0),
        Arguments.of("rougeL", "testing one two", "testing one", 1.0, 2 / 3.0, 4 / 5.0),
        Arguments.of("rougeL", "testing one two", "testing two", 1.0, 2 / 3.0, 4 / 5.0),
        Arguments.of("rouge1", "testing one two", "", 0.0, 0.0, 0.0),
        Arguments.of("rouge2", "testing one two", "", 0.0, 0.0, 0.0),
        Arguments.of("rougeL", "testing one two", "", 0.0, 0.0, 0.0),
        Arguments.of("rougeLsum", "testing one two", "", 0.0, 0.0, 0.0),
        // testRougeLsum, including its empty and all-non-word cases.
        Arguments.of("rougeLsum", "w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", 0.4, 0.8, 0.5333),
        Arguments.of("rougeLsum", "", "w1", 0.0, 0.0, 0.0),
        Arguments.of("rougeLsum", "w1 w2 w3 w4 w5", "/", 0.0, 0.0, 0.0));
  }

  @ParameterizedTest
  @MethodSource("smallCases")
  void smallExamplesMatchRougeScore(
      String type, String target, String prediction, double precision, double recall, double fmeasure) {
    assertScore(score(PLAIN, type, target, prediction), precision, recall, fmeasure);
  }

  private static RougeScore score(Rouge rouge, String type, String target, String prediction) {
    return switch (type) {
      case "rouge1" -> rouge.rougeN(1, prediction, List.of(target));
      case "rouge2" -> rouge.rougeN(2, prediction, List.of(target));
      case "rougeL" -> rouge.rougeL(prediction, List.of(target));
      case "rougeLsum" -> rouge.rougeLsum(prediction, List.of(target));
      default -> throw new IllegalArgumentException(type);
    };
  }

  // testRouge1AgainstRouge155(WithStemming), testRouge2AgainstRouge155(WithStemming), testRougeLAgainstRouge155.
  static Stream<Arguments> rouge155Cases() {
    return Stream.of(
        Arguments.of("rouge1", false, 0, 0.68750, 0.40741, 0.51163),
        Arguments.of("rouge1", false, 1, 0.65385, 0.40476, 0.50000),
        Arguments.of("rouge1", true, 0, 0.68750, 0.40741, 0.51163),
        Arguments.of("rouge1", true, 1, 0.69231, 0.42857, 0.52941),
        Arguments.of("rouge2", false, 0, 0.53333, 0.30769, 0.39024),
        Arguments.of("rouge2", false, 1, 0.48000, 0.29268, 0.36364),
        Arguments.of("rouge2", true, 0, 0.53333, 0.30769, 0.39024),
        Arguments.of("rouge2", true, 1, 0.48000, 0.29268, 0.36364),
        Arguments.of("rougeL", false, 0, 0.68750, 0.40741, 0.51163),
        Arguments.of("rougeL", false, 1, 0.65385, 0.40476, 0.50000));
  }

  @ParameterizedTest
  @MethodSource("rouge155Cases")
  void matchesRouge155OnItsTestData(
      String type, boolean stem, int line, double precision, double recall, double fmeasure) {
    Rouge rouge = stem ? STEMMED : PLAIN;
    assertScore(score(rouge, type, line("target.txt", line), line("prediction.txt", line)), precision, recall, fmeasure);
  }

  // testRougeLSumAgainstRouge155WithStemming: multi-line summaries, union LCS.
  @Test
  void rougeLsumMatchesRouge155WithStemming() {
    RougeScore score =
        STEMMED.rougeLsum(resource("prediction_multi.0.txt"), List.of(resource("target_multi.0.txt")));
    assertScore(score, 0.66667, 0.36538, 0.47205);
  }

  // No published value: by hand from rouge_score's tokenizer, which keeps only [a-z0-9] runs after
  // lowercasing: "Café naïve — 東京 2024 running" gives [caf, na, ve, 2024, running] (stemmed: run), so text
  // in other scripts shares nothing.
  @Test
  void nonLatinCharactersAreTokenBoundaries() {
    assertThat(PLAIN.tokenize("Café naïve — 東京 2024 running")).containsExactly("caf", "na", "ve", "2024", "running");
    assertThat(STEMMED.tokenize("Café naïve — 東京 2024 running")).containsExactly("caf", "na", "ve", "2024", "run");
    assertScore(PLAIN.rougeN(1, "東京に行きます", List.of("東京へ行った")), 0, 0, 0);
  }

  // No published value: by hand, RougeScorer.score_multi keeps the reference with the best F-measure:
  // "the cat sat" against "a dog sat" (P=R=1/3) and "the cat sat down" (P=1, R=3/4, F=6/7).
  @Test
  void severalReferencesKeepTheBestFmeasure() {
    assertScore(PLAIN.rougeN(1, "the cat sat", List.of("a dog sat", "the cat sat down")), 1.0, 0.75, 6 / 7.0);
  }
}
