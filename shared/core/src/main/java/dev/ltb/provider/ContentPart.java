package dev.ltb.provider;

import java.util.Objects;

/** A part of a chat message: text, or an image given by URL or inline base64 data. */
public sealed interface ContentPart {

  record Text(String text) implements ContentPart {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * An image. Exactly one of {@code url} and {@code base64Data} is set; {@code mediaType} is e.g.
   * {@code image/png} and is required with inline data.
   */
  record Image(String url, String mediaType, String base64Data) implements ContentPart {
    public Image {
      if ((url == null) == (base64Data == null))
        throw new IllegalArgumentException("an image needs either a url or base64 data");
      if (base64Data != null && mediaType == null)
        throw new IllegalArgumentException("an inline image needs a media type such as image/png");
    }

    /** The image as one URL: its own, or a {@code data:} URL holding the inline bytes. */
    public String asUrl() {
      return url != null ? url : "data:" + mediaType + ";base64," + base64Data;
    }

    /**
     * The image's bytes as base64, for APIs that take only inline images: the inline data, or the payload of a
     * base64 {@code data:} URL; empty for an http(s) URL.
     */
    public java.util.Optional<String> base64() {
      if (base64Data != null) return java.util.Optional.of(base64Data);
      int comma = url.indexOf(',');
      boolean inline = url.regionMatches(true, 0, "data:", 0, 5) && comma > 0 && url.substring(0, comma).endsWith(";base64");
      return inline ? java.util.Optional.of(url.substring(comma + 1)) : java.util.Optional.empty();
    }
  }
}
