package dev.ltb.analysis;

/**
 * Expected production traffic, for projecting monthly cost.
 *
 * @param requestsPerMonth calls per month
 * @param inputTokensPerRequest average prompt tokens per call
 * @param outputTokensPerRequest average completion tokens per call
 */
public record TrafficProfile(long requestsPerMonth, long inputTokensPerRequest, long outputTokensPerRequest) {

  public TrafficProfile {
    if (requestsPerMonth < 0 || inputTokensPerRequest < 0 || outputTokensPerRequest < 0)
      throw new IllegalArgumentException("traffic profile numbers must be >= 0");
  }
}
