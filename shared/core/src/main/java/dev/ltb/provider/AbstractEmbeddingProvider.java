package dev.ltb.provider;

import java.util.List;
import java.util.Objects;

/**
 * Template method for embedding providers, like {@link AbstractProvider}: {@link #embed} maps unexpected
 * exceptions to {@link ProviderException} and redacts secrets from messages; subclasses implement {@link
 * #doEmbed}.
 */
public abstract class AbstractEmbeddingProvider implements EmbeddingProvider {

  private final String id;

  protected AbstractEmbeddingProvider(String id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Embedding embed(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return doEmbed(text);
    } catch (ProviderException e) {
      throw redact(e);
    } catch (RuntimeException e) {
      throw redact(new ProviderException.MalformedResponse(
          id + ": unexpected failure: " + e.getClass().getSimpleName() + ": " + e.getMessage(), 0, null));
    }
  }

  /** Calls the vendor; may throw {@link ProviderException}. */
  protected abstract Embedding doEmbed(String text);

  /** Secrets (API keys, tokens) that must never appear in an error message. */
  protected List<String> secrets() {
    return List.of();
  }

  private ProviderException redact(ProviderException e) {
    String message = Redaction.redact(e.getMessage(), secrets());
    return Objects.equals(message, e.getMessage()) ? e : e.withMessage(message);
  }
}
