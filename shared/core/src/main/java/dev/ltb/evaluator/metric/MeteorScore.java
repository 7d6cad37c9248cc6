package dev.ltb.evaluator.metric;

/**
 * A METEOR score and its parts (all 0 when no word aligns).
 *
 * @param score {@code (1 - penalty) · fmean}, in [0, 1]
 * @param precision aligned words / hypothesis words
 * @param recall aligned words / reference words
 * @param fmean the recall-weighted harmonic mean {@code P·R / (α·P + (1-α)·R)}
 * @param penalty the fragmentation penalty {@code γ·(chunks/matches)^β}
 */
public record MeteorScore(double score, double precision, double recall, double fmean, double penalty) {}
