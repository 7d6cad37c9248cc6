package dev.ltb.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ltb.provider.ProviderFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SseStreamTest {

  @Test
  void readsOpenAiStreamUpToDone() throws IOException {
    List<SseEvent> events = readAll(ProviderFixtures.open("openai-chat-completions-stream.txt"));

    assertThat(events).hasSize(33);
    assertThat(events).allSatisfy(event -> assertThat(event.event()).isEqualTo("message"));
    assertThat(events.get(1).json().at("/choices/0/delta/content").asText()).isEqualTo("I'm");
    assertThat(events.getLast().json().at("/usage/total_tokens").asInt()).isEqualTo(44);
  }

  @Test
  void keepsEventTypes() throws IOException {
    List<SseEvent> events = readAll(ProviderFixtures.open("anthropic-messages-stream.txt"));

    assertThat(events)
        .extracting(SseEvent::event)
        .containsExactly(
            "message_start", "content_block_start", "ping", "content_block_delta", "content_block_delta",
            "content_block_delta", "content_block_stop", "message_delta", "message_stop");
  }

  @Test
  void joinsMultiLineDataWithNewlines() throws IOException {
    List<SseEvent> events = readAll("event: note\ndata: first line\ndata:second line\ndata\n\ndata: next\n\n");

    assertThat(events)
        .containsExactly(
            new SseEvent("note", "first line\nsecond line\n", null), new SseEvent("message", "next", null));
  }

  @Test
  void ignoresCommentsAndUnknownFieldsAndKeepsTheLastId() throws IOException {
    List<SseEvent> events = readAll(": keep-alive\nretry: 3000\nid: 7\nfoo: bar\ndata: x\n\n:ping\n\ndata: y\n\n");

    assertThat(events).containsExactly(new SseEvent("message", "x", "7"), new SseEvent("message", "y", "7"));
  }

  @Test
  void doesNotDispatchAnEventWithoutData() throws IOException {
    assertThat(readAll("event: ping\n\ndata: z\n\n")).containsExactly(new SseEvent("message", "z", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\r", "\n"})
  void acceptsEveryLineEnding(String end) throws IOException {
    String stream = "event: a" + end + "data: 1" + end + end + "data: 2" + end + "data: 3" + end + end;

    assertThat(readAll(stream)).containsExactly(new SseEvent("a", "1", null), new SseEvent("message", "2\n3", null));
  }

  @Test
  void stopsAtDone() throws IOException {
    assertThat(readAll("data: 1\n\ndata: [DONE]\n\ndata: after\n\n"))
        .containsExactly(new SseEvent("message", "1", null));
  }

  @Test
  void deliversALastEventThatMissesItsBlankLine() throws IOException {
    assertThat(readAll("data: 1\n\ndata: 2")).extracting(SseEvent::data).containsExactly("1", "2");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void chunkBoundariesAnywhereGiveTheSameEvents(long seed) throws IOException {
    String text =
        ProviderFixtures.text("anthropic-messages-stream.txt") + "\n\ndata: h\u00e9llo \u4e16\u754c \ud83d\ude00\r\n\r\n";

    List<SseEvent> whole = readAll(text);
    List<SseEvent> chunked = readAll(new ChunkedInputStream(text, seed, 3));

    assertThat(chunked).isEqualTo(whole);
    assertThat(chunked.getLast().data()).isEqualTo("h\u00e9llo \u4e16\u754c \ud83d\ude00");
  }

  @Test
  void returnsEachEventAsSoonAsItIsComplete() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          PipedOutputStream server = new PipedOutputStream();
          PipedInputStream body = new PipedInputStream(server);
          CountDownLatch firstRead = new CountDownLatch(1);
          Thread writer =
              Thread.ofVirtual()
                  .start(
                      () -> {
                        try {
                          server.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                          server.flush();
                          firstRead.await();
                          server.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
                          server.close();
                        } catch (IOException | InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                      });
          try (SseStream sse = new SseStream(body)) {
            assertThat(sse.next().data()).isEqualTo("first");
            firstRead.countDown();
            assertThat(sse.next().data()).isEqualTo("second");
            assertThat(sse.next()).isNull();
          }
          writer.join();
        });
  }

  private static List<SseEvent> readAll(String text) throws IOException {
    return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<SseEvent> readAll(InputStream in) throws IOException {
    List<SseEvent> events = new ArrayList<>();
    try (SseStream sse = new SseStream(in)) {
      for (SseEvent event : sse) events.add(event);
    }
    return events;
  }
}
