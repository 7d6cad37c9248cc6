package dev.ltb.provider.gemini;

import dev.ltb.json.Json;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderContract;
import dev.ltb.provider.SecretResolver;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The provider contract against the real Gemini API: {@code LTB_LIVE_TESTS=true GEMINI_API_KEY=...}. */
@EnabledIfEnvironmentVariable(named = "LTB_LIVE_TESTS", matches = "true")
@EnabledIfEnvironmentVariable(named = "GEMINI_API_KEY", matches = ".+")
class GeminiGenerateContentLiveTest extends ProviderContract {

  private static final ProviderSpec SPEC =
      ProviderSpec.of("gemini:gemini-2.0-flash-lite", Json.mapper().createObjectNode().put("maxOutputTokens", 10));

  @Override
  protected Provider provider() {
    return new GeminiGenerateContentProvider.Factory("gemini").create(SPEC, ProviderContext.defaults(Path.of(".")));
  }

  @Override
  protected Provider providerWithBadKey() {
    SecretResolver badKey = SecretResolver.of(Map.of("GEMINI_API_KEY", BAD_KEY));
    return new GeminiGenerateContentProvider.Factory("gemini")
        .create(SPEC, new ProviderContext(ProviderContext.defaultHttpClient(), badKey, Path.of(".")));
  }
}
