package dev.ltb.provider;

/** A model the bench can call. Implementations are thread-safe: the engine calls them concurrently. */
public interface Provider {

  /** The id as written in the suite, e.g. {@code openai:chat:gpt-4o-mini}. */
  String id();

  /**
   * Calls the model once. Never retries (the engine owns retries) and never returns null.
   *
   * @throws ProviderException when the call failed; its kind decides whether the engine retries
   */
  ProviderResponse complete(ProviderRequest request);

  /**
   * Whether answers may be served from the response cache. False for offline stand-ins ({@code echo},
   * {@code scripted}): they cost nothing, and their simulated latency and failures must happen every run.
   */
  default boolean cacheable() {
    return true;
  }
}
