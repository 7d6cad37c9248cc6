package dev.ltb.evaluator.metric;

/**
 * A chrF score.
 *
 * @param score chrF in [0, 1] (sacreBLEU prints {@code 100 * score})
 * @param precision n-gram precision averaged over the orders both sides have n-grams of
 * @param recall n-gram recall averaged over the same orders
 */
public record ChrfScore(double score, double precision, double recall) {}
