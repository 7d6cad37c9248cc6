package dev.ltb.analysis;

/**
 * A model's price as observed in the results.
 *
 * @param method {@value #FITTED}: separate input and output prices fitted by least squares (cost = a·input +
 *     b·output) over items with known cost; {@value #BLENDED}: total cost / total tokens, for both kinds, when
 *     the items' token mix cannot tell the two prices apart; {@value #PER_REQUEST}: mean cost per call when
 *     no tokens were reported
 * @param inputUsdPerToken price of one prompt token (null for per-request)
 * @param outputUsdPerToken price of one completion token (null for per-request)
 * @param usdPerRequest mean observed cost of a call
 * @param items items with known cost the estimate is based on
 */
public record TokenPricing(
    String method, Double inputUsdPerToken, Double outputUsdPerToken, double usdPerRequest, long items) {

  public static final String FITTED = "fitted";
  public static final String BLENDED = "blended";
  public static final String PER_REQUEST = "per-request";

  /** Projected monthly cost of the traffic at this price. */
  public double monthlyCostUsd(TrafficProfile traffic) {
    if (inputUsdPerToken == null || outputUsdPerToken == null) return traffic.requestsPerMonth() * usdPerRequest;
    double perRequest =
        traffic.inputTokensPerRequest() * inputUsdPerToken + traffic.outputTokensPerRequest() * outputUsdPerToken;
    return traffic.requestsPerMonth() * perRequest;
  }
}
