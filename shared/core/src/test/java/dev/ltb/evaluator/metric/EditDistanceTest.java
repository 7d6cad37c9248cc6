package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bit-parallel distance against the textbook table, on fixed cases and thousands of random ones. */
class EditDistanceTest {

  static Stream<Arguments> knownCases() {
    return Stream.of(
        Arguments.of("", "", 0),
        Arguments.of("", "abc", 3),
        Arguments.of("abc", "", 3),
        Arguments.of("kitten", "sitting", 3),
        Arguments.of("flaw", "lawn", 2),
        Arguments.of("intention", "execution", 5),
        Arguments.of("abc", "abc", 0),
        Arguments.of("a".repeat(64), "a".repeat(65), 1),
        Arguments.of("a".repeat(64), "b".repeat(64), 64),
        Arguments.of("ab".repeat(100), "ba".repeat(100), 2),
        Arguments.of("x".repeat(130), "", 130));
  }

  @ParameterizedTest
  @MethodSource("knownCases")
  void knownDistances(String a, String b, int expected) {
    assertThat(EditDistance.ofChars(a, b)).isEqualTo(expected);
    assertThat(EditDistance.ofChars(b, a)).isEqualTo(expected);
    assertThat(EditDistance.of(a.codePoints().toArray(), b.codePoints().toArray())).isEqualTo(expected);
  }

  @Test
  void surrogatePairsAreOneSymbolAsCodePointsAndTwoAsChars() {
    // U+1F642 and U+1F643 share their high surrogate: one substitution as code points, one as chars too,
    // but against a BMP letter they differ in both chars.
    assertThat(EditDistance.of("🙂".codePoints().toArray(), "🙃".codePoints().toArray())).isEqualTo(1);
    assertThat(EditDistance.ofChars("🙂", "🙃")).isEqualTo(1);
    assertThat(EditDistance.of("🙂".codePoints().toArray(), "a".codePoints().toArray())).isEqualTo(1);
    assertThat(EditDistance.ofChars("🙂", "a")).isEqualTo(2);
  }

  @Test
  void matchesTheTableOnRandomSymbolSequences() {
    SplittableRandom random = new SplittableRandom(20261129);
    for (int round = 0; round < 4000; round++) {
      int alphabet = 1 + random.nextInt(round % 4 == 0 ? 3 : 40);
      int maxLength = round % 10 == 0 ? 400 : 140;
      int[] a = randomSymbols(random, random.nextInt(maxLength + 1), alphabet);
      int[] b = round % 3 == 0 ? mutate(random, a, alphabet) : randomSymbols(random, random.nextInt(maxLength + 1), alphabet);
      int expected = table(a, b);
      assertThat(EditDistance.of(a, b)).as("round %d", round).isEqualTo(expected);
      assertThat(EditDistance.of(b, a)).as("round %d, swapped", round).isEqualTo(expected);
    }
  }

  @Test
  void matchesCommonsTextOnRandomUnicodeStrings() {
    SplittableRandom random = new SplittableRandom(7);
    LevenshteinDistance reference = LevenshteinDistance.getDefaultInstance();
    for (int round = 0; round < 2000; round++) {
      String a = randomText(random, random.nextInt(round % 20 == 0 ? 1200 : 150));
      String b = round % 2 == 0 ? mutateText(random, a) : randomText(random, random.nextInt(150));
      assertThat(EditDistance.ofChars(a, b)).as("round %d", round).isEqualTo(reference.apply(a, b));
      assertThat(EditDistance.of(a.codePoints().toArray(), b.codePoints().toArray()))
          .as("round %d, code points", round)
          .isEqualTo(table(a.codePoints().toArray(), b.codePoints().toArray()));
    }
  }

  @Test
  void longSimilarTextsMatchTheTable() {
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 20; round++) {
      String a = randomText(random, 1000 + random.nextInt(2000));
      String b = mutateText(random, a);
      int[] x = a.codePoints().toArray();
      int[] y = b.codePoints().toArray();
      assertThat(EditDistance.of(x, y)).as("round %d", round).isEqualTo(table(x, y));
    }
  }

  @Test
  void manyDistinctSymbolsFallBackToTheSameResult() {
    // 500 distinct symbols over 8 blocks: more match words than a limit of 1,000 allows.
    int[] a = new int[500];
    int[] b = new int[500];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
      b[i] = i % 7 == 0 ? -i : i + 1;
    }
    assertThat(EditDistance.of(a, b, 1000)).isEqualTo(table(a, b));
    assertThat(EditDistance.of(b, a, 1000)).isEqualTo(table(a, b));
  }

  private static int table(int[] a, int[] b) {
    int[][] d = new int[a.length + 1][b.length + 1];
    for (int i = 0; i <= a.length; i++) d[i][0] = i;
    for (int j = 0; j <= b.length; j++) d[0][j] = j;
    for (int i = 1; i <= a.length; i++)
      for (int j = 1; j <= b.length; j++)
        d[i][j] =
            Math.min(d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.min(d[i - 1][j], d[i][j - 1]) + 1);
    return d[a.length][b.length];
  }

  private static int[] randomSymbols(SplittableRandom random, int length, int alphabet) {
    int[] out = new int[length];
    for (int i = 0; i < length; i++) out[i] = random.nextInt(alphabet) * 7919 - 50;
    return out;
  }

  private static int[] mutate(SplittableRandom random, int[] source, int alphabet) {
    int[] out = new int[source.length + 10];
    int n = 0;
    for (int symbol : source) {
      int roll = random.nextInt(10);
      if (roll == 0) continue;
      if (n < out.length) out[n++] = roll == 1 ? random.nextInt(alphabet) * 7919 - 50 : symbol;
      if (roll == 2 && n < out.length) out[n++] = random.nextInt(alphabet) * 7919 - 50;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static final String[] PIECES = {"a", "b", "c", "é", "ß", " ", "\t", "🙂", "🙃", "中", "\uD83D", "x", "y"};

  private static String randomText(SplittableRandom random, int pieces) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces; i++) out.append(PIECES[random.nextInt(PIECES.length)]);
    return out.toString();
  }

  private static String mutateText(SplittableRandom random, String source) {
    StringBuilder out = new StringBuilder();
    source
        .codePoints()
        .forEach(
            cp -> {
              int roll = random.nextInt(12);
              if (roll == 0) return;
              out.appendCodePoint(roll == 1 ? PIECES[random.nextInt(PIECES.length)].codePointAt(0) : cp);
              if (roll == 2) out.append(PIECES[random.nextInt(PIECES.length)]);
            });
    return out.toString();
  }
}
