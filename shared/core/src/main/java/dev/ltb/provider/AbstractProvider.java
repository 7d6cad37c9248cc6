package dev.ltb.provider;

import java.util.List;
import java.util.Objects;

/**
 * Template method for providers: {@link #complete} measures latency, maps unexpected exceptions to
 * {@link ProviderException} and redacts secrets from messages, once for every vendor; subclasses implement
 * only {@link #doComplete}.
 */
public abstract class AbstractProvider implements Provider {

  private final String id;

  protected AbstractProvider(String id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final ProviderResponse complete(ProviderRequest request) {
    long start = System.nanoTime();
    try {
      ProviderResponse response = doComplete(request);
      long latencyMs = (System.nanoTime() - start) / 1_000_000;
      return response.latencyMs() > 0 ? response : response.withLatency(latencyMs);
    } catch (ProviderException e) {
      throw redact(e);
    } catch (RuntimeException e) {
      throw redact(new ProviderException.MalformedResponse(
          id + ": unexpected failure: " + e.getClass().getSimpleName() + ": " + e.getMessage(), 0, null));
    }
  }

  /** Calls the vendor; may throw {@link ProviderException}. */
  protected abstract ProviderResponse doComplete(ProviderRequest request);

  /** Secrets (API keys, tokens) that must never appear in an error message. */
  protected List<String> secrets() {
    return List.of();
  }

  private ProviderException redact(ProviderException e) {
    String message = Redaction.redact(e.getMessage(), secrets());
    return Objects.equals(message, e.getMessage()) ? e : e.withMessage(message);
  }
}
