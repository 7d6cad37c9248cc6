package dev.ltb.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {

  @ParameterizedTest
  @CsvSource({
    "0, $0", "12.3456, $12.35", "1234.5, '$1,234.50'", "0.0123456, $0.0123", "0.000152345, $0.000152",
    "0.00001, $0.00001"
  })
  void usdShowsEnoughDigitsToTellCheapModelsApart(double value, String expected) {
    assertThat(Format.usd(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0, 0 ms", "850, 850 ms", "1240, 1.24 s", "59999, 60.00 s", "125000, 2 min 05 s"})
  void millisReadsAsTime(double millis, String expected) {
    assertThat(Format.millis(millis)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0.5, 50.0%", "0.8333, 83.3%", "1, 100.0%", "NaN, –"})
  void percent(double rate, String expected) {
    assertThat(Format.percent(rate)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"23960, 24.0 s", "185000, 3 min 05 s", "3720000, 1 h 02 min"})
  void duration(long millis, String expected) {
    assertThat(Format.duration(Duration.ofMillis(millis))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0, 2500, 0", "2500, 2500, 2.5 s", "10000, 2500, 10 s", "250, 250, 250 ms", "1000, 250, 1 s"})
  void latencyTicksUseAsFewDigitsAsTheStep(double millis, double step, String expected) {
    assertThat(Format.millisTick(millis, step)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"12345, '12,345'", "0, 0"})
  void countUsesThousandsSeparators(long value, String expected) {
    assertThat(Format.count(value)).isEqualTo(expected);
  }
}
