package dev.ltb.cdk.config;

/**
 * Optional custom domain: the REST API answers on {@code api.<domainName>}, the WebSocket API on
 * {@code ws.<domainName>}. The certificate (ACM, same region, covering both names) and the hosted zone
 * exist already; no lookups, so synth stays offline.
 */
public record CustomDomain(String domainName, String certificateArn, String hostedZoneId) {
  public CustomDomain {
    require(domainName, "domainName");
    require(certificateArn, "certificateArn");
    require(hostedZoneId, "hostedZoneId");
    if (!certificateArn.startsWith("arn:")) {
      throw new IllegalArgumentException("certificateArn must be an ACM certificate ARN, was '" + certificateArn + "'");
    }
  }

  public String restName() {
    return "api." + domainName;
  }

  public String webSocketName() {
    return "ws." + domainName;
  }

  private static void require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "custom domain needs context '" + key + "' too (domainName, certificateArn and hostedZoneId go together)");
    }
  }
}
