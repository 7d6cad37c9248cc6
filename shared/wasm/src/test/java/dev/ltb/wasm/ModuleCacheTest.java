package dev.ltb.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModuleCacheTest {

  private final AtomicInteger prepared = new AtomicInteger();

  @Test
  void preparesEachHashOnceAndEvictsTheLeastRecentlyUsed() {
    ModuleCache cache = new ModuleCache(2);

    PreparedModule a = cache.get("a", () -> prepare("a"));
    cache.get("b", () -> prepare("b"));
    assertThat(cache.get("a", () -> prepare("a"))).isSameAs(a);
    cache.get("c", () -> prepare("c")); // evicts b, used least recently
    cache.get("a", () -> prepare("a"));
    cache.get("b", () -> prepare("b"));

    assertThat(prepared).hasValue(4);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void doesNotCacheAFailure() {
    ModuleCache cache = new ModuleCache(2);

    assertThatThrownBy(() -> cache.get("a", () -> {
      throw new IllegalArgumentException("bad module");
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad module");
    assertThat(cache.get("a", () -> prepare("a")).sha256()).isEqualTo("a");
  }

  private PreparedModule prepare(String sha256) {
    prepared.incrementAndGet();
    return new PreparedModule(sha256, null, null, false);
  }
}
