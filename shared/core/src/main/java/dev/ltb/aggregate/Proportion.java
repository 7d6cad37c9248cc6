package dev.ltb.aggregate;

/** A rate with its 95 % Wilson score interval (well behaved near 0 and 1, unlike the normal interval). */
public record Proportion(long successes, long trials, double rate, double ciLow, double ciHigh) {}
