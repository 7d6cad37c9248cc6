package dev.ltb.provider;

import dev.ltb.provider.echo.EchoProvider;
import dev.ltb.provider.openai.OpenAiChatProvider;
import dev.ltb.provider.scripted.ScriptedProvider;
import dev.ltb.provider.anthropic.AnthropicMessagesProvider;
import dev.ltb.provider.gemini.GeminiGenerateContentProvider;
import dev.ltb.provider.cohere.CohereProviderFactory;
import dev.ltb.provider.generic.GenericHttpProvider;
import dev.ltb.provider.llamacpp.LlamaCppProvider;
import dev.ltb.provider.mistral.MistralProviderFactory;
import dev.ltb.provider.ollama.OllamaProviderFactory;
import java.util.List;

/** The providers the bench ships, in one explicit list: add a vendor here and nowhere else. */
public final class BuiltInProviders {

  private BuiltInProviders() {}

  public static List<ProviderFactory> factories() {
    return List.of(
        new EchoProvider.Factory(),
        new ScriptedProvider.Factory(),
        new OpenAiChatProvider.Factory(),
        new AnthropicMessagesProvider.Factory(),
        new GeminiGenerateContentProvider.Factory("google"),
        new GeminiGenerateContentProvider.Factory("gemini"),
        new OllamaProviderFactory(),
        new LlamaCppProvider.Factory(),
        new CohereProviderFactory(),
        new MistralProviderFactory(),
        new GenericHttpProvider.Factory("http"),
        new GenericHttpProvider.Factory("https"));
  }

  public static ProviderRegistry registry() {
    return new ProviderRegistry(factories());
  }
}
