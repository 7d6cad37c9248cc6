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
  }
}
