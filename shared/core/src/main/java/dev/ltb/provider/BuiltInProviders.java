package dev.ltb.provider;

import dev.ltb.provider.echo.EchoProvider;
import dev.ltb.provider.openai.OpenAiChatProvider;
import dev.ltb.provider.scripted.ScriptedProvider;
import dev.ltb.provider.anthropic.AnthropicMessagesProvider;
import dev.ltb.provider.gemini.GeminiGenerateContentProvider;
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
        new GeminiGenerateContentProvider.Factory("gemini"));
  }

  public static ProviderRegistry registry() {
    return new ProviderRegistry(factories());
  }
}
