package dev.ltb.webhook;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and the constant-time comparison of a presented hex digest. */
final class Hmac {

  private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

  private Hmac() {}

  static byte[] sha256(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) mac.update(part);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /** Whether {@code presentedHex} is a 64-digit hex string equal to {@code expected}, compared in constant time. */
  static boolean matches(byte[] expected, String presentedHex) {
    if (presentedHex == null || !HEX_DIGEST.matcher(presentedHex).matches()) return false;
    return MessageDigest.isEqual(expected, HexFormat.of().parseHex(presentedHex));
  }
}
