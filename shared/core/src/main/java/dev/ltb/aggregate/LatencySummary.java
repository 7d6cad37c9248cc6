package dev.ltb.aggregate;

/** Latency percentiles in milliseconds (nearest-rank), over successful calls; all 0 when there were none. */
public record LatencySummary(long n, long p50, long p95, long p99, double mean, long max) {}
