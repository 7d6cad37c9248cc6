package dev.ltb.aws.apigateway;

import dev.ltb.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The API Gateway usage-plan key of a tenant. The REST API takes its key from the Lambda authorizer (key source
 * {@code AUTHORIZER}): the authorizer answers {@code usageIdentifierKey} and API Gateway throttles and counts the
 * request under the usage plan that key belongs to. Callers never present this value, so it is not a credential: it
 * is derived from the tenant id, and the REST app creates the tenant's gateway key with exactly this value when it
 * puts the tenant on a usage-plan tier. Single-account installations use the installation key instead
 * ({@code LTB_USAGE_IDENTIFIER_KEY}).
 */
public final class GatewayUsageKeys {

  private GatewayUsageKeys() {}

  /** {@code ltb-usage-<64 hex>}: 74 characters, within API Gateway's 20-128. */
  public static String forTenant(TenantId tenant) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("ltb-usage-key:" + tenant.value()).getBytes(StandardCharsets.UTF_8));
      return "ltb-usage-" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
