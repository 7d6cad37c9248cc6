package dev.ltb.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: a prefix and a value, base64url-encoded so clients pass them back untouched. */
final class Cursors {

  private Cursors() {}

  static String encode(String kind, String value) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
  }

  /** The value of a cursor of this kind; a 400 naming {@code cursor} otherwise. */
  static String decode(String kind, String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(kind + ":")) return text.substring(kind.length() + 1);
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw ApiException.invalidField("cursor", "is not a cursor this list produced; pass nextCursor unchanged");
  }
}
