package dev.ltb.webhook;

import dev.ltb.security.SecretValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Our signature, for inbound triggers and every outbound event: {@code X-LTB-Signature: t=<unix seconds>,v1=<hex>}
 * where {@code v1} is HMAC-SHA256 over {@code "<t>." + body} with the webhook's secret. The timestamp is signed, so
 * a captured request stops verifying after {@link #TOLERANCE}; within it, the delivery id catches replays. Several
 * {@code v1} entries may be sent while a secret is rotated; one match is enough.
 */
public final class LtbSignature {

  public static final String HEADER = "X-LTB-Signature";
  public static final String DELIVERY_HEADER = "X-LTB-Delivery";
  public static final String EVENT_HEADER = "X-LTB-Event";
  public static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final int MAX_HEADER_LENGTH = 1024;

  private LtbSignature() {}

  public static String header(SecretValue secret, Instant at, byte[] body) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + Hmac.hex(mac(secret, t, body));
  }

  /**
   * Checks the header against the body; returns the signed time.
   *
   * @throws SignatureException when it is missing, malformed, older or newer than {@code tolerance}, or wrong
   */
  public static Instant verify(SecretValue secret, byte[] body, String header, Instant now, Duration tolerance) {
    if (header == null || header.isBlank())
      throw new SignatureException(SignatureException.Reason.MISSING, HEADER + " header missing");
    if (header.length() > MAX_HEADER_LENGTH)
      throw new SignatureException(SignatureException.Reason.MALFORMED, HEADER + " is too long");
    Long t = null;
    List<String> candidates = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) throw malformed();
      String key = part.substring(0, eq).strip(), value = part.substring(eq + 1).strip();
      if (key.equals("t")) {
        if (t != null || !value.matches("[0-9]{1,12}")) throw malformed();
        t = Long.parseLong(value);
      } else if (key.equals("v1")) {
        candidates.add(value);
      }
    }
    if (t == null || candidates.isEmpty()) throw malformed();
    Instant signedAt = Instant.ofEpochSecond(t);
    if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0)
      throw new SignatureException(SignatureException.Reason.STALE,
          "signature timestamp is more than " + tolerance.toMinutes() + " minutes away from now");
    byte[] expected = mac(secret, t, body);
    boolean matched = false;
    for (String candidate : candidates) matched |= Hmac.matches(expected, candidate);
    if (!matched) throw new SignatureException(SignatureException.Reason.MISMATCH, "signature does not match the body");
    return signedAt;
  }

  private static byte[] mac(SecretValue secret, long t, byte[] body) {
    return Hmac.sha256(secret.reveal().getBytes(StandardCharsets.UTF_8),
        (t + ".").getBytes(StandardCharsets.US_ASCII), body);
  }

  private static SignatureException malformed() {
    return new SignatureException(SignatureException.Reason.MALFORMED, HEADER + " must be 't=<unix seconds>,v1=<hex>'");
  }
}
