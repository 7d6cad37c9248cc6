package dev.ltb.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.aggregate.LatencySummary;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyCountsTest {

  @Test
  void givesTheSamePercentilesAsSortingEveryValue() {
    Random random = new Random(42);
    for (int run = 0; run < 50; run++) {
      int count = 1 + random.nextInt(3_000);
      long[] values =
          LongStream.generate(
                  () -> switch (random.nextInt(10)) {
                    case 0 -> 65_536 + random.nextInt(500_000); // slower than the dense range
                    case 1 -> -random.nextInt(5); // a clock that went back
                    default -> random.nextInt(2_000);
                  })
              .limit(count)
              .toArray();
      LatencyCounts counts = new LatencyCounts();
      for (long value : values) counts.add(value);

      assertThat(counts.summary()).isEqualTo(Intervals.latency(values.clone(), count));
    }
  }

  @Test
  void nearestRankOnKnownValues() {
    LatencyCounts counts = new LatencyCounts();
    for (long value = 100; value >= 1; value--) counts.add(value);

    assertThat(counts.summary()).isEqualTo(new LatencySummary(100, 50, 95, 99, 50.5, 100));
  }

  @Test
  void noValuesGiveZeros() {
    assertThat(new LatencyCounts().summary()).isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0));
  }
}
