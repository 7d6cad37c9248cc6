package dev.ltb.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.provider.ProviderFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NdjsonStreamTest {

  @Test
  void readsOllamaChatStream() throws IOException {
    List<JsonNode> objects = readAll(ProviderFixtures.open("ollama-chat-stream.ndjson"));

    assertThat(objects).extracting(node -> node.at("/message/content").asText()).containsExactly("The", "");
    assertThat(objects).extracting(node -> node.path("done").asBoolean()).containsExactly(false, true);
    assertThat(objects.getLast().path("eval_count").asInt()).isEqualTo(282);
  }

  @Test
  void skipsBlankLinesAndAcceptsCrLf() throws IOException {
    List<JsonNode> objects = readAll(input("{\"a\":1}\r\n\r\n  \n{\"a\":2}"));

    assertThat(objects).extracting(node -> node.path("a").asInt()).containsExactly(1, 2);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void chunkBoundariesAnywhereGiveTheSameObjects(long seed) throws IOException {
    String text = ProviderFixtures.text("ollama-chat-stream.ndjson") + "{\"text\":\"gr\u00fc\u00df \u4e16\u754c\"}\n";

    List<JsonNode> chunked = readAll(new ChunkedInputStream(text, seed, 2));

    assertThat(chunked).isEqualTo(readAll(input(text)));
    assertThat(chunked.getLast().path("text").asText()).isEqualTo("gr\u00fc\u00df \u4e16\u754c");
  }

  @Test
  void readsTypedObjects() throws IOException {
    record Chunk(String response, boolean done) {}
    try (NdjsonStream stream = new NdjsonStream(input("{\"response\":\" Yes\",\"done\":false,\"extra\":1}\n"))) {
      assertThat(stream.next(Chunk.class)).isEqualTo(new Chunk(" Yes", false));
      assertThat(stream.next(Chunk.class)).isNull();
    }
  }

  @Test
  void aLineThatIsNotJsonFails() {
    assertThatThrownBy(() -> readAll(input("{\"ok\":true}\nnot json\n"))).isInstanceOf(JsonProcessingException.class);
  }

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<JsonNode> readAll(InputStream in) throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    try (NdjsonStream stream = new NdjsonStream(in)) {
      for (JsonNode node = stream.next(); node != null; node = stream.next()) objects.add(node);
    }
    return objects;
  }
}
