package dev.ltb.provider;

import java.util.List;
import java.util.Objects;

/**
 * What the engine asks a provider: the rendered conversation. Generation settings (temperature, max
 * tokens, ...) come from the provider's own configuration in the suite.
 *
 * @param messages the conversation; a plain-text prompt is one user message
 * @param prompt the rendered prompt as text (what {@code echo} returns and what reports show)
 * @param cacheable false when the response must not come from a cache (e.g. {@code repeat} > 1)
 * @param origin the work item the request is made for; never sent to a vendor nor part of a cache key
 */
public record ProviderRequest(List<ChatMessage> messages, String prompt, boolean cacheable, RequestOrigin origin) {

  public ProviderRequest {
    messages = List.copyOf(messages);
    Objects.requireNonNull(prompt, "prompt");
    if (messages.isEmpty()) throw new IllegalArgumentException("a request needs at least one message");
    origin = origin == null ? RequestOrigin.NONE : origin;
  }

  /** A request made outside a run (no origin). */
  public ProviderRequest(List<ChatMessage> messages, String prompt, boolean cacheable) {
    this(messages, prompt, cacheable, RequestOrigin.NONE);
  }

  public static ProviderRequest ofText(String prompt) {
    return new ProviderRequest(List.of(ChatMessage.user(prompt)), prompt, true);
  }

  public ProviderRequest withOrigin(RequestOrigin origin) {
    return new ProviderRequest(messages, prompt, cacheable, origin);
  }
}
