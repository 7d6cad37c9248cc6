package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelPriceTest {

  @ParameterizedTest(name = "{0} in, {1} cached, {2} out at {3}/{4}/{5} = {6}")
  @CsvSource(
      nullValues = "none",
      textBlock = """
          1000000, 0,      1000000, 2.50, 1.25, 10.00, 12.50
          19,      0,      10,      2.50, 1.25, 10.00, 0.0001475
          1000000, 400000, 0,       2.50, 1.25, 10.00, 2.00
          1000000, 400000, 0,       2.50, none, 10.00, 2.50
          0,       0,      0,       2.50, none, 10.00, 0
          """)
  void chargesCachedPromptTokensAtTheCachedPrice(
      long input, long cached, long output, double inPrice, Double cachedPrice, double outPrice, double expected) {
    ModelPrice price = new ModelPrice(inPrice, outPrice, cachedPrice);

    assertThat(price.costUsd(new TokenUsage(input, output, cached))).isCloseTo(expected, within(1e-12));
  }
}
