package dev.ltb.provider.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderDecorator;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a provider's answers from a {@link ResponseCache} when the same call was made before: same provider
 * id, same config (secrets left out, see {@link CacheKey}) and same conversation.
 *
 * <ul>
 *   <li>A request that is not {@link ProviderRequest#cacheable() cacheable} (a run with {@code repeat > 1}
 *       wants independent samples) goes to the provider and is not stored.
 *   <li>Only successful answers are stored: a failed call throws before anything is written, and an answer
 *       whose finish reason is {@code error} is not kept either.
 *   <li>A cached answer is marked {@link ProviderResponse#cached() cached} and keeps what the original call
 *       measured and cost: its latency and time to first token (the aggregator and the latency assertion
 *       leave cached answers out of latency figures), its token usage and its cost (what the answer costs
 *       with this model, so model comparisons stay meaningful; the run's budget counts only calls made).
 * </ul>
 *
 * A cache that fails is logged and bypassed; it never fails a call.
 */
public final class CachingProvider implements Provider {

  private static final Logger LOG = LoggerFactory.getLogger(CachingProvider.class);

  private final Provider delegate;
  private final JsonNode config;
  private final ResponseCache cache;

  /**
   * @param delegate the provider that makes the call
   * @param config its config as written in the suite (part of the key, without secrets)
   * @param cache where answers are kept
   */
  public CachingProvider(Provider delegate, JsonNode config, ResponseCache cache) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.config = config;
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /** Wraps every provider worth caching ({@link Provider#cacheable()}) that a registry builds. */
  public static ProviderDecorator decorator(ResponseCache cache) {
    return (spec, provider) ->
        provider.cacheable() ? new CachingProvider(provider, spec.config(), cache) : provider;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  /** The provider behind the cache. */
  public Provider delegate() {
    return delegate;
  }

  @Override
  public ProviderResponse complete(ProviderRequest request) {
    if (!request.cacheable()) return delegate.complete(request);
    CacheKey key = CacheKey.of(delegate.id(), config, request.messages());
    Optional<ProviderResponse> hit = lookUp(key);
    if (hit.isPresent()) return hit.get().asCached();
    ProviderResponse response = delegate.complete(request);
    if (response.finishReason() != FinishReason.ERROR) store(key, response);
    return response;
  }

  private Optional<ProviderResponse> lookUp(CacheKey key) {
    try {
      return cache.get(key);
    } catch (RuntimeException e) {
      LOG.warn("response cache: lookup failed for {} ({}); calling the provider", delegate.id(), e.toString());
      return Optional.empty();
    }
  }

  private void store(CacheKey key, ProviderResponse response) {
    try {
      cache.put(key, response);
    } catch (RuntimeException e) {
      LOG.warn("response cache: cannot store an answer of {} ({})", delegate.id(), e.toString());
    }
  }
}
