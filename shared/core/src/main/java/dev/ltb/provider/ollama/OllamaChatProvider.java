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
 * {@code ollama:chat:<model>}: Ollama's native chat API, {@code POST /api/chat}. Sends the conversation (images
 * as base64 in {@code images}), the model {@code options} (temperature, top_p, num_predict, stop, seed, ...),
 * {@code format} (json or a JSON schema), {@code tools}, {@code think} and {@code keep_alive}; returns the text,
 * the tool calls, the token counts ({@code prompt_eval_count}, {@code eval_count}), the stop reason and, when
 * asked, the logprobs. With {@code stream: true} the answer is read as NDJSON and the time to the first token
 * measured. Built by {@link OllamaProviderFactory}.
 */
public final class OllamaChatProvider extends AbstractProvider {

  private final String model;
  private final OllamaSettings settings;
  private final OllamaClient client;

  OllamaChatProvider(String id, String model, OllamaSettings settings, OllamaClient client) {
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
      body = OllamaMapper.toChatRequest(model, settings, request);
    } catch (IllegalArgumentException e) {
      throw new ProviderException.InvalidRequest(id() + ": " + e.getMessage(), 0);
    }
    return client.generate("/api/chat", body);
  }

  @Override
  protected List<String> secrets() {
    return client.connection().secrets();
  }
}
