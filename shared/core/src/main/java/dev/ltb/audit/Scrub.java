package dev.ltb.audit;

import dev.ltb.provider.Redaction;
import java.util.List;
import java.util.regex.Pattern;

/** Cleans free text from a request before it is stored: credentials out, control characters out, length capped. */
final class Scrub {

  /** JWTs (three base64url parts, the first a JSON header) anywhere in the text. */
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");

  private Scrub() {}

  static String text(String value, int max) {
    String cleaned = value.codePoints()
        .filter(c -> c >= 0x20 && c != 0x7f)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    cleaned = JWT.matcher(cleaned).replaceAll("[REDACTED]");
    cleaned = Redaction.redact(cleaned, List.of());
    return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
  }
}
