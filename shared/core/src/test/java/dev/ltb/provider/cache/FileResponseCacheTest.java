package dev.ltb.provider.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenLogprob;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileResponseCacheTest {

  @TempDir Path dir;

  private static final CacheKey KEY = CacheKey.of("openai:chat:gpt-4o-mini", null, List.of(ChatMessage.user("Hi")));
  private static final ProviderResponse ANSWER =
      new ProviderResponse(
          "Hello!", new TokenUsage(9, 2, 1), 0.0000027, FinishReason.TOOL_CALLS, 840, 210L,
          List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")), false,
          List.of(new TokenLogprob("Hello", -0.25)));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T10:00:00Z"));

  @Test
  void keepsAWholeAnswerInOneFilePerKey() throws IOException {
    FileResponseCache cache = new FileResponseCache(dir, Duration.ofDays(14), clock);

    assertThat(cache.get(KEY)).isEmpty();
    cache.put(KEY, ANSWER);

    assertThat(cache.get(KEY)).contains(ANSWER);
    Path file = dir.resolve(KEY.sha256().substring(0, 2)).resolve(KEY.sha256() + ".json");
    assertThat(Files.readString(file)).contains("\"providerId\":\"openai:chat:gpt-4o-mini\"");
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).containsExactly(file);
    }
  }

  @Test
  void anAnswerOlderThanTheTtlIsAMissAndIsDeleted() {
    FileResponseCache cache = new FileResponseCache(dir, Duration.ofDays(14), clock);
    cache.put(KEY, ANSWER);

    clock.now = clock.now.plus(Duration.ofDays(14)).minusSeconds(1);
    assertThat(cache.get(KEY)).isPresent();
    clock.now = clock.now.plusSeconds(2);
    assertThat(cache.get(KEY)).isEmpty();
    assertThat(dir.resolve(KEY.sha256().substring(0, 2)).resolve(KEY.sha256() + ".json")).doesNotExist();
  }

  @Test
  void anUnreadableEntryIsAMissAndIsReplacedByTheNextAnswer() throws IOException {
    FileResponseCache cache = new FileResponseCache(dir, Duration.ofDays(14), clock);
    Path file = dir.resolve(KEY.sha256().substring(0, 2)).resolve(KEY.sha256() + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"storedAt\": \"not a time\"");

    assertThat(cache.get(KEY)).isEmpty();
    cache.put(KEY, ANSWER);
    assertThat(cache.get(KEY)).contains(ANSWER);
  }

  @Test
  void aCacheThatCannotWriteStaysSilentAndAnswersMiss() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    FileResponseCache cache = new FileResponseCache(notADirectory, Duration.ofDays(1), clock);

    cache.put(KEY, ANSWER);

    assertThat(cache.get(KEY)).isEmpty();
  }

  @Test
  void writesLeaveNoTemporaryFilesBehind() throws IOException {
    FileResponseCache cache = new FileResponseCache(dir, Duration.ofDays(14), clock);

    for (int i = 0; i < 5; i++) cache.put(KEY, ANSWER.withLatency(i + 1));

    assertThat(cache.get(KEY)).contains(ANSWER.withLatency(5));
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(path -> path.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
