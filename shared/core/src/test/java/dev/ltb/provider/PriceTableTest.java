package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceTableTest {

  private final PriceTable table = PriceTable.builtIn();

  @Test
  void theShippedTableSaysWhenItsPricesWereTaken() {
    assertThat(table.asOf()).isEqualTo(LocalDate.of(2025, 10, 15));
    assertThat(table.prices()).hasSizeGreaterThan(60);
    assertThat(table.prices().values())
        .allSatisfy(
            price -> {
              assertThat(price.inputPerMillion()).isPositive();
              // embedding models produce no output tokens: their output price is 0
              if (price.outputPerMillion() > 0)
                assertThat(price.outputPerMillion()).isGreaterThanOrEqualTo(price.inputPerMillion());
              if (price.cachedInputPerMillion() != null)
                assertThat(price.cachedInputPerMillion()).isLessThan(price.inputPerMillion());
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "gpt-4o-mini, 0.15, 0.60",
    "GPT-4o-mini-2024-07-18, 0.15, 0.60",
    "gpt-4o-2024-05-13, 5.00, 15.00",
    "claude-3-5-sonnet-20241022, 3.00, 15.00",
    "models/gemini-2.0-flash, 0.10, 0.40",
    "mistral-large-latest, 2.00, 6.00",
    "command-r-08-2024, 0.15, 0.60",
    "anthropic.claude-3-haiku-20240307-v1:0, 0.25, 1.25",
    "amazon.titan-embed-text-v2:0, 0.02, 0"
  })
  void looksUpModelsAndTheirAliases(String model, double input, double output) {
    ModelPrice price = table.lookup(model).orElseThrow();

    assertThat(price.inputPerMillion()).isEqualTo(input);
    assertThat(price.outputPerMillion()).isEqualTo(output);
  }

  @ParameterizedTest
  @CsvSource({"llama3.2", "gpt-4o-2099-01-01", "my-fine-tune"})
  void anUnknownModelHasNoPrice(String model) {
    assertThat(table.lookup(model)).isEmpty();
  }

  @Test
  void theSuiteOverridesTheTable() {
    ProviderConfig perMillion =
        ProviderConfigTest.config("cost: {inputPerMillion: 1, outputPerMillion: 2, cachedInputPerMillion: 0.5}");
    ProviderConfig perToken = ProviderConfigTest.config("cost: 0.000002");
    ProviderConfig split = ProviderConfigTest.config("inputCost: 0.000001\noutputCost: 0.000003");

    assertThat(table.resolve(perMillion, "gpt-4o")).contains(new ModelPrice(1, 2, 0.5));
    assertThat(table.resolve(perToken, "gpt-4o")).contains(new ModelPrice(2, 2, null));
    assertThat(table.resolve(split, "gpt-4o")).contains(new ModelPrice(1, 3, null));
    assertThat(table.resolve(ProviderConfigTest.config("{}"), "unknown", "gpt-4o-mini"))
        .isEqualTo(table.lookup("gpt-4o-mini"));
    assertThat(table.resolve(ProviderConfigTest.config("{}"), "unknown")).isEqualTo(Optional.empty());
  }

  @Test
  void anIncompleteOverrideIsAConfigError() {
    assertThatThrownBy(() -> table.resolve(ProviderConfigTest.config("cost: {inputPerMillion: 1}"), "gpt-4o"))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider p: config cost.outputPerMillion is required (USD per 1M tokens)");
    assertThatThrownBy(() -> table.resolve(ProviderConfigTest.config("inputCost: 0.1"), "gpt-4o"))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(
            "provider p: config outputCost is missing: give both inputCost and outputCost (USD per token), or cost"
                + " for both");
  }

  @Test
  void rejectsATableThatListsAModelTwice() {
    String json = """
        {"asOf": "2025-01-01", "models": {"a": {"inputPerMillion": 1, "outputPerMillion": 2, "aliases": ["A"]}}}
        """;

    assertThatThrownBy(() -> PriceTable.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("price table lists model A twice");
  }
}
