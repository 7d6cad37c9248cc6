package dev.ltb.provider;

import dev.ltb.provider.anthropic.AnthropicMessagesProvider;
import dev.ltb.provider.cohere.CohereProviderFactory;
import dev.ltb.provider.echo.EchoProvider;
import dev.ltb.provider.gemini.GeminiGenerateContentProvider;
import dev.ltb.provider.generic.GenericHttpProvider;
import dev.ltb.provider.llamacpp.LlamaCppProvider;
import dev.ltb.provider.mistral.MistralProviderFactory;
import dev.ltb.provider.ollama.OllamaProviderFactory;
import dev.ltb.provider.openai.AzureOpenAiProviderFactory;
import dev.ltb.provider.openai.OpenAiChatProvider;
import dev.ltb.provider.openai.OpenAiCompatibleVendor;
import dev.ltb.provider.openai.OpenAiProviderFactory;
import dev.ltb.provider.scripted.ScriptedProvider;
import java.util.ArrayList;
import java.util.List;

/** The providers the bench ships, in one explicit list: add a vendor here and nowhere else. */
public final class BuiltInProviders {

  private BuiltInProviders() {}

  public static List<ProviderFactory> factories() {
    List<ProviderFactory> factories = new ArrayList<>();
    factories.add(new EchoProvider.Factory());
    factories.add(new ScriptedProvider.Factory());
    factories.add(new OpenAiProviderFactory());
    factories.add(new AzureOpenAiProviderFactory());
    OpenAiCompatibleVendor.PRESETS.forEach(vendor -> factories.add(new OpenAiChatProvider.Factory(vendor)));
    factories.add(new AnthropicMessagesProvider.Factory());
    factories.add(new GeminiGenerateContentProvider.Factory("google"));
    factories.add(new GeminiGenerateContentProvider.Factory("gemini"));
    factories.add(new OllamaProviderFactory());
    factories.add(new LlamaCppProvider.Factory());
    factories.add(new CohereProviderFactory());
    factories.add(new MistralProviderFactory());
    factories.add(new GenericHttpProvider.Factory("http"));
    factories.add(new GenericHttpProvider.Factory("https"));
    return List.copyOf(factories);
  }

  public static ProviderRegistry registry() {
    return new ProviderRegistry(factories());
  }
}
