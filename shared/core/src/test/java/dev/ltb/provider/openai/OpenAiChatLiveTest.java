package dev.ltb.provider.openai;

import dev.ltb.json.Json;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderContract;
import dev.ltb.provider.SecretResolver;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The provider contract against the real OpenAI API: {@code LTB_LIVE_TESTS=true OPENAI_API_KEY=...}. */
@EnabledIfEnvironmentVariable(named = "LTB_LIVE_TESTS", matches = "true")
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiChatLiveTest extends ProviderContract {

  private static final ProviderSpec SPEC =
      ProviderSpec.of("openai:chat:gpt-4o-mini", Json.mapper().createObjectNode().put("max_tokens", 5));

  @Override
  protected Provider provider() {
    return new OpenAiChatProvider.Factory().create(SPEC, ProviderContext.defaults(Path.of(".")));
  }

  @Override
  protected Provider providerWithBadKey() {
    SecretResolver badKey = SecretResolver.of(Map.of("OPENAI_API_KEY", BAD_KEY));
    return new OpenAiChatProvider.Factory()
        .create(SPEC, new ProviderContext(ProviderContext.defaultHttpClient(), badKey, Path.of(".")));
  }
}
