package dev.ltb.provider.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingProviderTest {

  @TempDir Path dir;

  private static final JsonNode CONFIG = CacheKeyTest.yaml("{temperature: 0, apiKey: sk-test-0000000000}");
  private static final ProviderRequest HELLO = ProviderRequest.ofText("Hello!");
  private static final ProviderResponse ANSWER =
      new ProviderResponse("Hi!", new TokenUsage(9, 2), 0.00001, FinishReason.STOP, 730, 120L, List.of(), false);

  @Test
  void answersTheSameCallFromTheCacheMarkedCachedWithWhatTheOriginalCallMeasured() {
    Scripted vendor = new Scripted(ANSWER);
    CachingProvider cached = new CachingProvider(vendor, CONFIG, new FileResponseCache(dir));

    ProviderResponse first = cached.complete(HELLO);
    ProviderResponse second = cached.complete(HELLO);

    assertThat(vendor.calls).isEqualTo(1);
    assertThat(first).isEqualTo(ANSWER);
    assertThat(second).isEqualTo(ANSWER.asCached());
    assertThat(second.latencyMs()).as("the original call's latency").isEqualTo(730);
    assertThat(cached.id()).isEqualTo("vendor:model");
  }

  @Test
  void aRequestThatIsNotCacheableIsNeitherServedNorStored() {
    Scripted vendor = new Scripted(ANSWER, ANSWER, ANSWER);
    MapCache cache = new MapCache();
    CachingProvider cached = new CachingProvider(vendor, CONFIG, cache);
    ProviderRequest repeated = new ProviderRequest(List.of(ChatMessage.user("Hello!")), "Hello!", false);

    cached.complete(HELLO);
    cached.complete(repeated);
    cached.complete(repeated);

    assertThat(vendor.calls).isEqualTo(3);
    assertThat(cache.entries).hasSize(1);
  }

  @Test
  void failuresAreNeverCached() {
    ProviderException rateLimited = new ProviderException.RateLimited("vendor:model: HTTP 429", 429, null);
    Scripted vendor = new Scripted(rateLimited, ANSWER.withCost(null));
    MapCache cache = new MapCache();
    CachingProvider cached = new CachingProvider(vendor, CONFIG, cache);

    assertThatThrownBy(() -> cached.complete(HELLO)).isSameAs(rateLimited);
    assertThat(cache.entries).isEmpty();
    assertThat(cached.complete(HELLO).cached()).isFalse();
    assertThat(cached.complete(HELLO).cached()).isTrue();
    assertThat(vendor.calls).isEqualTo(2);
  }

  @Test
  void anAnswerThatEndedInAnErrorIsNotKept() {
    ProviderResponse broken = ProviderResponse.of("", TokenUsage.NONE, null, FinishReason.ERROR);
    Scripted vendor = new Scripted(broken, broken);
    CachingProvider cached = new CachingProvider(vendor, CONFIG, new MapCache());

    cached.complete(HELLO);
    cached.complete(HELLO);

    assertThat(vendor.calls).isEqualTo(2);
  }

  @Test
  void aBrokenCacheNeverFailsTheCall() {
    ResponseCache broken = new ResponseCache() {
      @Override
      public Optional<ProviderResponse> get(CacheKey key) {
        throw new IllegalStateException("disk on fire");
      }

      @Override
      public void put(CacheKey key, ProviderResponse response) {
        throw new IllegalStateException("disk on fire");
      }
    };

    assertThat(new CachingProvider(new Scripted(ANSWER), CONFIG, broken).complete(HELLO)).isEqualTo(ANSWER);
  }

  @Test
  void theRegistryDecoratorWrapsOnlyProvidersWorthCaching() {
    ProviderRegistry registry =
        BuiltInProviders.registry().decoratedWith(CachingProvider.decorator(new FileResponseCache(dir)));
    ProviderContext context =
        new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(Map.of("OPENAI_API_KEY", "k")), dir);

    assertThat(registry.create(ProviderSpec.of("openai:chat:gpt-4o-mini"), context))
        .isInstanceOf(CachingProvider.class);
    assertThat(registry.create(ProviderSpec.of("echo"), context)).isNotInstanceOf(CachingProvider.class);
  }

  @Test
  void theApiKeyIsNeitherHashedNorStored() throws Exception {
    new CachingProvider(new Scripted(ANSWER), CONFIG, new FileResponseCache(dir, Duration.ofDays(1),
        java.time.Clock.systemUTC())).complete(HELLO);

    try (var files = java.nio.file.Files.walk(dir)) {
      for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList())
        assertThat(java.nio.file.Files.readString(file)).doesNotContain("sk-test-0000000000");
    }
    assertThat(CacheKey.of("vendor:model", CONFIG, HELLO.messages()))
        .isEqualTo(CacheKey.of("vendor:model", CacheKeyTest.yaml("{temperature: 0}"), HELLO.messages()));
  }

  /** Answers (or throws) in order and counts calls. */
  private static final class Scripted implements Provider {
    private final Deque<Object> outcomes;
    int calls;

    Scripted(Object... outcomes) {
      this.outcomes = new ArrayDeque<>(List.of(outcomes));
    }

    @Override
    public String id() {
      return "vendor:model";
    }

    @Override
    public ProviderResponse complete(ProviderRequest request) {
      calls++;
      Object next = outcomes.size() > 1 ? outcomes.poll() : outcomes.peek();
      if (next instanceof ProviderException e) throw e;
      return (ProviderResponse) next;
    }
  }

  private static final class MapCache implements ResponseCache {
    final Map<CacheKey, ProviderResponse> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<ProviderResponse> get(CacheKey key) {
      return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(CacheKey key, ProviderResponse response) {
      entries.put(key, response);
    }
  }
}
