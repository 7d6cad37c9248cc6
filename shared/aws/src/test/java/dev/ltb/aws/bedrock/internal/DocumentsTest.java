package dev.ltb.aws.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.document.Document;

class DocumentsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"object\",\"properties\":{\"sign\":{\"type\":\"string\"}},\"required\":[\"sign\"]}",
        "{\"n\":42,\"big\":12345678901234567890,\"x\":0.5,\"neg\":-3,\"ok\":true,\"none\":null,\"list\":[1,\"a\",[]]}",
        "{}"
      })
  void convertsJsonToDocumentsAndBackUnchanged(String json) throws Exception {
    Document document = Documents.fromJson(Json.mapper().readTree(json));

    assertThat(Documents.toJson(document)).isEqualTo(Json.mapper().readTree(json));
    assertThat(Documents.toJsonText(document)).isEqualTo(Json.mapper().readTree(json).toString());
  }

  @Test
  void buildsTheDocumentTheSdkSends() throws Exception {
    assertThat(Documents.fromJson(Json.mapper().readTree("{\"sign\":\"WZPZ\",\"top\":[1]}")))
        .isEqualTo(Document.fromMap(Map.of("sign", Document.fromString("WZPZ"), "top", Document.fromList(List.of(Document.fromNumber(1L))))));
  }

  @Test
  void parsesOnlyJsonObjects() {
    assertThat(Documents.parseObject("{\"song\": \"Elemental Hotel\"}")).contains(Document.fromMap(Map.of("song", Document.fromString("Elemental Hotel"))));
    assertThat(Documents.parseObject("[1, 2]")).isEmpty();
    assertThat(Documents.parseObject("Station WZPA not found.")).isEmpty();
    assertThat(Documents.parseObject("")).isEmpty();
    assertThat(Documents.toJsonText(null)).isEqualTo("{}");
  }
}
