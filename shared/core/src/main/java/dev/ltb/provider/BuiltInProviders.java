package dev.ltb.provider;

import dev.ltb.provider.echo.EchoProvider;
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
    return List.copyOf(factories);
  }

  public static ProviderRegistry registry() {
    return new ProviderRegistry(factories());
  }
}
