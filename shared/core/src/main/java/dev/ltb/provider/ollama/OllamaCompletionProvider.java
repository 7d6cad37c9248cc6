package dev.ltb.provider.ollama;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.provider.AbstractProvider;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.ollama.internal.OllamaClient;
import dev.ltb.provider.ollama.internal.OllamaMapper;
import dev.ltb.provider.ollama.internal.OllamaSettings;
import java.util.List;

/**
 * {@code ollama:completion:<model>} (and promptfoo's {@code ollama:<model>}): Ollama's completion API,
 * {@code POST /api/generate}, with the same settings as {@link OllamaChatProvider}. A one-message prompt is
 * sent as the {@code prompt}; system messages go to {@code system}. Built by {@link OllamaProviderFactory}.
 */
public final class OllamaCompletionProvider extends AbstractProvider {

  private final String model;
  private final OllamaSettings settings;
  private final OllamaClient client;

  OllamaCompletionProvider(String id, String model, OllamaSettings settings, OllamaClient client) {
    super(id);
    this.model = model;
    this.settings = settings;
    this.client = client;
  }

  public String model() {
    return model;
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    ObjectNode body;
    try {
      body = OllamaMapper.toGenerateRequest(model, settings, request);
    } catch (IllegalArgumentException e) {
      throw new ProviderException.InvalidRequest(id() + ": " + e.getMessage(), 0);
    }
    return client.generate("/api/generate", body);
  }

  @Override
  protected List<String> secrets() {
    return client.connection().secrets();
  }
}
