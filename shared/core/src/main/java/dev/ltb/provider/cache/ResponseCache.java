package dev.ltb.provider.cache;

import dev.ltb.provider.ProviderResponse;
import java.util.Optional;

/**
 * Port: where provider answers are kept so that running a suite again does not pay twice. Locally a
 * directory ({@link FileResponseCache}); another runtime may keep them elsewhere. Implementations are
 * thread-safe and best-effort: a cache that cannot read or write answers "miss" and logs, it never fails a
 * call.
 */
public interface ResponseCache {

  /** The answer stored under {@code key}, unless there is none or it has expired. */
  Optional<ProviderResponse> get(CacheKey key);

  /** Stores a successful answer under {@code key}, replacing any older one. */
  void put(CacheKey key, ProviderResponse response);
}
