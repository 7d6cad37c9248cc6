package dev.ltb.webhook;

import dev.ltb.security.SecretValue;
import java.nio.charset.StandardCharsets;

/**
 * GitHub's {@code X-Hub-Signature-256: sha256=<hex>}: HMAC-SHA256 of the raw body with the hook's secret. It has
 * no timestamp, so replays are caught by the delivery id ({@code X-GitHub-Delivery}) alone.
 */
public final class GitHubSignature {

  public static final String HEADER = "X-Hub-Signature-256";
  public static final String DELIVERY_HEADER = "X-GitHub-Delivery";
  public static final String EVENT_HEADER = "X-GitHub-Event";
  private static final String PREFIX = "sha256=";

  private GitHubSignature() {}

  public static String header(SecretValue secret, byte[] body) {
    return PREFIX + Hmac.hex(Hmac.sha256(key(secret), body));
  }

  public static void verify(SecretValue secret, byte[] body, String header) {
    if (header == null || header.isBlank())
      throw new SignatureException(SignatureException.Reason.MISSING, HEADER + " header missing");
    if (!header.startsWith(PREFIX))
      throw new SignatureException(SignatureException.Reason.MALFORMED, HEADER + " must be 'sha256=<64 hex digits>'");
    if (!Hmac.matches(Hmac.sha256(key(secret), body), header.substring(PREFIX.length())))
      throw new SignatureException(SignatureException.Reason.MISMATCH, "signature does not match the body");
  }

  private static byte[] key(SecretValue secret) {
    return secret.reveal().getBytes(StandardCharsets.UTF_8);
  }
}
