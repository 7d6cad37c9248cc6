package dev.ltb.provider;

/**
 * A model's list price in USD per million tokens.
 *
 * <p>{@link TokenUsage#input()} counts every prompt token, cached ones included (OpenAI's convention);
 * {@link TokenUsage#cached()} of them are billed at {@code cachedInputPerMillion} when that is known, else at
 * the full input price. Providers whose vendor reports cache reads apart from input (Anthropic) add them to
 * {@code input} when they build the usage.
 *
 * @param inputPerMillion price of a million prompt tokens
 * @param outputPerMillion price of a million generated tokens (reasoning tokens included)
 * @param cachedInputPerMillion price of a million prompt tokens read from the vendor's prompt cache, or null
 */
public record ModelPrice(double inputPerMillion, double outputPerMillion, Double cachedInputPerMillion) {

  public static final ModelPrice FREE = new ModelPrice(0, 0, null);

  public ModelPrice {
    boolean cachedValid = cachedInputPerMillion == null || cachedInputPerMillion >= 0;
    if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || !cachedValid)
      throw new IllegalArgumentException("prices must be >= 0");
  }

  public ModelPrice(double inputPerMillion, double outputPerMillion) {
    this(inputPerMillion, outputPerMillion, null);
  }

  /** The cost of a call in USD. */
  public double costUsd(TokenUsage usage) {
    long cached = Math.min(usage.cached(), usage.input());
    double cachedPrice = cachedInputPerMillion == null ? inputPerMillion : cachedInputPerMillion;
    return ((usage.input() - cached) * inputPerMillion + cached * cachedPrice + usage.output() * outputPerMillion)
        / 1_000_000d;
  }
}
