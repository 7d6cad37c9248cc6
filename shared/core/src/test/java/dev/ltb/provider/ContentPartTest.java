package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentPartTest {

  @Test
  void anImageGivesItsUrlOrADataUrl() {
    assertThat(new ContentPart.Image("https://x.test/a.png", null, null).asUrl()).isEqualTo("https://x.test/a.png");
    assertThat(new ContentPart.Image(null, "image/png", "iVBOR").asUrl()).isEqualTo("data:image/png;base64,iVBOR");
  }

  @Test
  void anImageGivesItsBase64WhenItHasTheBytes() {
    assertThat(new ContentPart.Image(null, "image/png", "iVBOR").base64()).contains("iVBOR");
    assertThat(new ContentPart.Image("data:image/jpeg;base64,/9j/4A", null, null).base64()).contains("/9j/4A");
    assertThat(new ContentPart.Image("https://x.test/a.png", null, null).base64()).isEmpty();
    assertThat(new ContentPart.Image("data:text/plain,hello", null, null).base64()).isEmpty();
  }
}
