package dev.ltb.report.html;

/** Escaping for text and attribute values: everything a model wrote is untrusted and must stay text. */
public final class Html {

  private Html() {}

  /**
   * Escapes {@code & < > " '} and replaces control characters (other than tab and line breaks) and lone
   * surrogates with U+FFFD, so the result is safe both as element text and inside a quoted attribute.
   */
  public static String escape(String text) {
    if (text == null) return "";
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> replacementFor(text, i, c);
          };
      if (replacement != null && out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
      if (out == null) {
        if (Character.isHighSurrogate(c)) i++;
        continue;
      }
      if (replacement != null) out.append(replacement);
      else if (Character.isHighSurrogate(c)) out.append(c).append(text.charAt(++i));
      else out.append(c);
    }
    return out == null ? text : out.toString();
  }

  /** Null when the character (pair) is kept as is. */
  private static String replacementFor(String text, int i, char c) {
    if (c == '\t' || c == '\n' || c == '\r') return null;
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return "\uFFFD";
    if (Character.isHighSurrogate(c))
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? null : "\uFFFD";
    if (Character.isLowSurrogate(c)) return "\uFFFD";
    return null;
  }
}
