package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.json.Json;
import dev.ltb.provider.echo.EchoProvider;
import dev.ltb.provider.openai.OpenAiChatProvider;
import dev.ltb.provider.openai.OpenAiResponsesProvider;
import dev.ltb.provider.scripted.ScriptedProvider;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInProvidersTest {

  private final ProviderRegistry registry = BuiltInProviders.registry();
  private final ProviderContext context =
      new ProviderContext(
          ProviderContext.defaultHttpClient(), SecretResolver.of(Map.of("OPENAI_API_KEY", "k-123")), Path.of("."));

  @Test
  void registersEveryShippedProviderOnce() {
    assertThat(registry.descriptors())
        .extracting(ProviderDescriptor::prefix)
        .containsExactly(
            "echo", "scripted", "openai", "azure", "groq", "together", "perplexity", "openrouter", "deepseek",
            "fireworks", "xai", "vllm", "lmstudio", "openai-compatible", "anthropic", "google", "gemini", "ollama",
            "llamacpp", "cohere", "mistral", "http", "https");
    assertThat(registry.descriptors()).allSatisfy(descriptor -> assertThat(descriptor.description()).isNotBlank());
  }

  @Test
  void resolvesIdsToTheirProvider() {
    ProviderSpec scripted =
        ProviderSpec.of(
            "scripted:fake",
            Json.mapper().createObjectNode().set("responses", Json.mapper().createObjectNode().put("default", "ok")));

    assertThat(registry.create(ProviderSpec.of("echo"), context)).isInstanceOf(EchoProvider.class);
    assertThat(registry.create(scripted, context)).isInstanceOf(ScriptedProvider.class);
    assertThat(registry.create(ProviderSpec.of("openai:chat:gpt-4o-mini"), context))
        .isInstanceOfSatisfying(
            OpenAiChatProvider.class, provider -> assertThat(provider.model()).isEqualTo("gpt-4o-mini"));
    assertThat(registry.create(ProviderSpec.of("openai:responses:gpt-4o-mini"), context))
        .isInstanceOfSatisfying(
            OpenAiResponsesProvider.class, provider -> assertThat(provider.model()).isEqualTo("gpt-4o-mini"));
  }

  @Test
  void anUnknownVendorIsAConfigError() {
    assertThatThrownBy(() -> registry.create(ProviderSpec.of("acme:chat:x"), context))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage(
            "unknown provider \"acme:chat:x\"; known prefixes: echo, scripted, openai, azure, groq, together,"
                + " perplexity, openrouter, deepseek, fireworks, xai, vllm, lmstudio, openai-compatible, anthropic,"
                + " google, gemini, ollama, llamacpp, cohere, mistral, http, https");
  }
}
