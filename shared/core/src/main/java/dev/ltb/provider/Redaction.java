package dev.ltb.provider;

import java.util.List;
import java.util.regex.Pattern;

/** Removes secrets from text that may reach logs, outputs or exceptions. */
public final class Redaction {

  /** Bearer tokens and the common vendor key shapes, redacted even when we do not know the key. */
  private static final Pattern KEY_SHAPES =
      Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}|\\b(sk|ltb|gsk|xai|pplx|AIza)[-_][A-Za-z0-9_-]{8,}");

  private Redaction() {}

  public static String redact(String text, List<String> secrets) {
    if (text == null) return null;
    String result = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) result = result.replace(secret, "[REDACTED]");
    }
    return KEY_SHAPES.matcher(result).replaceAll(match -> match.group(1) != null ? "$1[REDACTED]" : "[REDACTED]");
  }
}
