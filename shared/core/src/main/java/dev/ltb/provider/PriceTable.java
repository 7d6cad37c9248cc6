package dev.ltb.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * List prices of common models, from the versioned data file {@code dev/ltb/provider/prices.json} (its
 * {@code asOf} date says when the prices were taken). A model that is not in the table has no price: its
 * cost stays null rather than being guessed. A suite overrides the table per provider with config {@code
 * cost} (see {@link #resolve}).
 */
public final class PriceTable {

  private static final String RESOURCE = "/dev/ltb/provider/prices.json";

  private final LocalDate asOf;
  private final Map<String, ModelPrice> prices;

  private PriceTable(LocalDate asOf, Map<String, ModelPrice> prices) {
    this.asOf = asOf;
    this.prices = Collections.unmodifiableMap(prices);
  }

  /** The table shipped with the bench. */
  public static PriceTable builtIn() {
    return BuiltIn.TABLE;
  }

  /**
   * Reads a table: {@code {"asOf": "2025-10-15", "models": {"gpt-4o": {"inputPerMillion": 2.5,
   * "outputPerMillion": 10, "cachedInputPerMillion": 1.25, "aliases": ["gpt-4o-2024-08-06"]}}}}.
   *
   * @throws IllegalArgumentException when the file is not such a table
   */
  public static PriceTable parse(InputStream json) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("price table is not valid JSON: " + e.getMessage(), e);
    }
    LocalDate asOf;
    try {
      asOf = LocalDate.parse(root.path("asOf").asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("price table needs \"asOf\": \"YYYY-MM-DD\"", e);
    }
    Map<String, ModelPrice> prices = new LinkedHashMap<>();
    root.path("models").properties().forEach(
        entry -> {
          ModelPrice price = price(entry.getKey(), entry.getValue());
          add(prices, entry.getKey(), price);
          entry.getValue().path("aliases").forEach(alias -> add(prices, alias.asText(), price));
        });
    if (prices.isEmpty()) throw new IllegalArgumentException("price table has no \"models\"");
    return new PriceTable(asOf, prices);
  }

  /** When the prices were taken from the vendors' pricing pages. */
  public LocalDate asOf() {
    return asOf;
  }

  /** Every model name and alias the table knows. */
  public Map<String, ModelPrice> prices() {
    return prices;
  }

  /**
   * The price of a model by its exact name or a listed alias (case-insensitive, a leading {@code models/}
   * ignored). Dated snapshots not listed as aliases are unknown: their price may differ from the alias.
   */
  public Optional<ModelPrice> lookup(String model) {
    if (model == null) return Optional.empty();
    return Optional.ofNullable(prices.get(normalize(model)));
  }

  /**
   * The price a provider should charge: the suite's override in config {@code cost}, else the first of
   * {@code models} the table knows. The override is either {@code cost: {inputPerMillion, outputPerMillion,
   * cachedInputPerMillion?}}, or promptfoo's per-token numbers: {@code cost} (both directions), {@code
   * inputCost} and {@code outputCost}.
   *
   * @throws ProviderConfigException when the override is incomplete or not a number
   */
  public Optional<ModelPrice> resolve(ProviderConfig config, String... models) {
    Optional<ModelPrice> configured = configured(config);
    if (configured.isPresent()) return configured;
    for (String model : models) {
      Optional<ModelPrice> price = lookup(model);
      if (price.isPresent()) return price;
    }
    return Optional.empty();
  }

  /** The price set in the suite's provider config, if any (see {@link #resolve}). */
  public static Optional<ModelPrice> configured(ProviderConfig config) {
    if (config.node("cost").filter(JsonNode::isObject).isPresent()) {
      ProviderConfig cost = config.object("cost").orElseThrow();
      cost.rejectUnknownKeys(List.of("inputPerMillion", "outputPerMillion", "cachedInputPerMillion"));
      return Optional.of(
          new ModelPrice(
              requiredPrice(cost, "inputPerMillion"),
              requiredPrice(cost, "outputPerMillion"),
              cost.number("cachedInputPerMillion", 0, Double.MAX_VALUE).orElse(null)));
    }
    Optional<Double> both = config.number("cost", 0, Double.MAX_VALUE);
    Optional<Double> input = config.number("inputCost", 0, Double.MAX_VALUE).or(() -> both);
    Optional<Double> output = config.number("outputCost", 0, Double.MAX_VALUE).or(() -> both);
    if (input.isEmpty() && output.isEmpty()) return Optional.empty();
    if (input.isEmpty() || output.isEmpty()) {
      throw config.error(
          input.isEmpty() ? "inputCost" : "outputCost",
          "is missing: give both inputCost and outputCost (USD per token), or cost for both");
    }
    return Optional.of(new ModelPrice(input.get() * 1_000_000d, output.get() * 1_000_000d, null));
  }

  private static double requiredPrice(ProviderConfig cost, String key) {
    return cost.number(key, 0, Double.MAX_VALUE).orElseThrow(() -> cost.error(key, "is required (USD per 1M tokens)"));
  }

  private static ModelPrice price(String model, JsonNode entry) {
    JsonNode input = entry.get("inputPerMillion");
    JsonNode output = entry.get("outputPerMillion");
    JsonNode cached = entry.get("cachedInputPerMillion");
    boolean valid = input != null && input.isNumber() && output != null && output.isNumber();
    if (!valid || (cached != null && !cached.isNumber())) {
      throw new IllegalArgumentException(
          "price table: model " + model + " needs numeric inputPerMillion and outputPerMillion");
    }
    return new ModelPrice(input.doubleValue(), output.doubleValue(), cached == null ? null : cached.doubleValue());
  }

  private static void add(Map<String, ModelPrice> prices, String name, ModelPrice price) {
    if (prices.putIfAbsent(normalize(name), price) != null)
      throw new IllegalArgumentException("price table lists model " + name + " twice");
  }

  private static String normalize(String model) {
    String name = model.strip().toLowerCase(Locale.ROOT);
    return name.startsWith("models/") ? name.substring("models/".length()) : name;
  }

  private static final class BuiltIn {
    static final PriceTable TABLE = load();

    private static PriceTable load() {
      try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
        return parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
