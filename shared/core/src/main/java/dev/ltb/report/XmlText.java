package dev.ltb.report;

/** Makes untrusted text (model output) safe for XML 1.0, which cannot carry most control characters at all. */
final class XmlText {

  private static final char REPLACEMENT = '\uFFFD';

  private XmlText() {}

  /** Replaces characters XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/FFFF). */
  static String clean(String text) {
    if (text == null) return "";
    StringBuilder cleaned = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed;
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (cleaned != null) cleaned.append(c).append(text.charAt(i + 1));
        i++;
        continue;
      }
      allowed =
          c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (!allowed && cleaned == null) cleaned = new StringBuilder(text.length()).append(text, 0, i);
      if (cleaned != null) cleaned.append(allowed ? c : REPLACEMENT);
    }
    return cleaned == null ? text : cleaned.toString();
  }
}
