package dev.ltb.provider.openai;

import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.suite.ProviderSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code openai} prefix: sends {@code openai:responses:<model>} to {@link OpenAiResponsesProvider}, embedding
 * ids ({@code openai:embedding:<model>}) to {@link OpenAiEmbeddingProvider}, and everything else ({@code
 * openai:chat:<model>}, {@code openai:<model>}) to {@link OpenAiChatProvider}.
 */
public final class OpenAiProviderFactory implements ProviderFactory {

  private final OpenAiChatProvider.Factory chat = new OpenAiChatProvider.Factory();
  private final OpenAiResponsesProvider.Factory responses = new OpenAiResponsesProvider.Factory();
  private final OpenAiEmbeddingProvider.Factory embeddings = new OpenAiEmbeddingProvider.Factory();
  private final ProviderDescriptor descriptor;

  public OpenAiProviderFactory() {
    Set<String> keys = new LinkedHashSet<>(chat.descriptor().configKeys());
    keys.addAll(responses.descriptor().configKeys());
    keys.addAll(OpenAiEmbeddingProvider.KEYS);
    descriptor =
        new ProviderDescriptor(
            "openai",
            "openai:<api>:<model>",
            "OpenAI: chat (Chat Completions, the default api), responses (Responses API), embedding; and any"
                + " OpenAI-compatible server via apiBaseUrl",
            List.copyOf(keys));
  }

  @Override
  public ProviderDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public Provider create(ProviderSpec spec, ProviderContext context) {
    ModelId id = ModelId.parse(spec.id(), "openai");
    if (id.api().equals("responses")) return responses.create(spec, context);
    if (id.isEmbedding()) {
      throw new ProviderConfigException(
          "provider " + spec.id() + ": an embedding model cannot answer prompts; use it as the embedding provider"
              + " of a similarity assertion, and a chat model (openai:chat:<model>) here");
    }
    return chat.create(spec, context);
  }

  @Override
  public EmbeddingProvider createEmbedding(ProviderSpec spec, ProviderContext context) {
    return embeddings.create(spec, context);
  }
}
