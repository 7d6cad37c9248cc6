package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ROUGE-L's bit-parallel LCS length against the textbook table on random sequences. */
class RougeLcsTest {

  @Test
  void matchesTheTableOnRandomSequences() {
    SplittableRandom random = new SplittableRandom(1129);
    for (int round = 0; round < 4000; round++) {
      int alphabet = 1 + random.nextInt(round % 4 == 0 ? 3 : 60);
      int maxLength = round % 10 == 0 ? 500 : 150;
      int[] a = random.ints(random.nextInt(maxLength + 1), 0, alphabet).toArray();
      int[] b =
          round % 3 == 0
              ? random.ints(a.length, 0, alphabet).map(x -> random.nextInt(5) == 0 ? x : 0).toArray()
              : random.ints(random.nextInt(maxLength + 1), 0, alphabet).toArray();
      if (round % 3 == 0) for (int i = 0; i < b.length; i++) if (b[i] == 0 && i < a.length) b[i] = a[i];
      int expected = Rouge.lcsTable(a, b);
      assertThat(Rouge.lcsLength(a, b, alphabet)).as("round %d", round).isEqualTo(expected);
      assertThat(Rouge.lcsLength(b, a, alphabet)).as("round %d, swapped", round).isEqualTo(expected);
    }
  }

  @Test
  void boundaryLengths() {
    for (int length : new int[] {1, 63, 64, 65, 127, 128, 129}) {
      int[] a = new int[length];
      int[] b = new int[length + 1];
      assertThat(Rouge.lcsLength(a, b, 1)).isEqualTo(length);
      assertThat(Rouge.lcsLength(a, new int[0], 1)).isZero();
    }
  }
}
