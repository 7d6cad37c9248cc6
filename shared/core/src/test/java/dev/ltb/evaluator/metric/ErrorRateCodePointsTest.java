package dev.ltb.evaluator.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ErrorRate#codePoints} against {@code String.codePoints()} with surrogate pairs and lone surrogates. */
class ErrorRateCodePointsTest {

  @Test
  void matchesStringCodePoints() {
    String[] pieces = {"a", "é", "中", " ", "😀", "\ud800", "\udc00", "\ud83d", "x\ud83d", "\ude00y"};
    Random random = new Random(5);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(20); i > 0; i--) text.append(pieces[random.nextInt(pieces.length)]);
      String s = text.toString();
      assertThat(ErrorRate.codePoints(s)).as(s).isEqualTo(s.codePoints().toArray());
    }
  }
}
