package dev.ltb.provider.anthropic;

import dev.ltb.json.Json;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderContract;
import dev.ltb.provider.SecretResolver;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The provider contract against the real Anthropic API: {@code LTB_LIVE_TESTS=true ANTHROPIC_API_KEY=...}. */
@EnabledIfEnvironmentVariable(named = "LTB_LIVE_TESTS", matches = "true")
@EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
class AnthropicMessagesLiveTest extends ProviderContract {

  private static final ProviderSpec SPEC =
      ProviderSpec.of("anthropic:messages:claude-haiku-4-5", Json.mapper().createObjectNode().put("max_tokens", 10));

  @Override
  protected Provider provider() {
    return new AnthropicMessagesProvider.Factory().create(SPEC, ProviderContext.defaults(Path.of(".")));
  }

  @Override
  protected Provider providerWithBadKey() {
    SecretResolver badKey = SecretResolver.of(Map.of("ANTHROPIC_API_KEY", BAD_KEY));
    return new AnthropicMessagesProvider.Factory()
        .create(SPEC, new ProviderContext(ProviderContext.defaultHttpClient(), badKey, Path.of(".")));
  }
}
