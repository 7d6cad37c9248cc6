package dev.ltb.analysis;

/**
 * Sums from which a model's per-token prices are estimated: the normal equations of the regression
 * cost = a·input + b·output through the origin (providers bill linearly in tokens). Fed in case order, so the
 * result does not depend on the order in which results arrived.
 */
final class PriceFit {

  /** Below this relative determinant the token mixes are (nearly) collinear: a and b are not identifiable. */
  private static final double COLLINEARITY = 1e-9;

  private long items;
  private double sumCost, sumTokens;
  private double xx, xy, yy, xc, yc;

  void add(long input, long output, double cost) {
    items++;
    sumCost += cost;
    sumTokens += input + output;
    xx += (double) input * input;
    xy += (double) input * output;
    yy += (double) output * output;
    xc += input * cost;
    yc += output * cost;
  }

  /** The observed pricing, or null when no item had a known cost. */
  TokenPricing estimate() {
    if (items == 0) return null;
    double perRequest = sumCost / items;
    double determinant = xx * yy - xy * xy;
    if (items >= 2 && xx > 0 && yy > 0 && determinant > COLLINEARITY * xx * yy) {
      double input = (xc * yy - yc * xy) / determinant;
      double output = (yc * xx - xc * xy) / determinant;
      if (input >= 0 && output >= 0) return new TokenPricing(TokenPricing.FITTED, input, output, perRequest, items);
    }
    if (sumTokens > 0) {
      double blended = sumCost / sumTokens;
      return new TokenPricing(TokenPricing.BLENDED, blended, blended, perRequest, items);
    }
    return new TokenPricing(TokenPricing.PER_REQUEST, null, null, perRequest, items);
  }
}
