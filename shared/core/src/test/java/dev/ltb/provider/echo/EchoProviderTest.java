package dev.ltb.provider.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.json.Json;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.ProviderSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EchoProviderTest {

  private final ProviderContext context = ProviderContext.defaults(Path.of("."));

  @Test
  void answersWithTheRenderedPrompt() {
    EchoProvider echo = new EchoProvider.Factory().create(ProviderSpec.of("echo"), context);

    ProviderResponse response = echo.complete(ProviderRequest.ofText("What is the capital of France?"));

    assertThat(response.withLatency(0))
        .isEqualTo(ProviderResponse.of("What is the capital of France?", new TokenUsage(8, 8), 0.0, FinishReason.STOP));
    assertThat(echo.id()).isEqualTo("echo");
  }

  @Test
  void takesNoConfig() {
    ProviderSpec spec = ProviderSpec.of("echo", Json.mapper().createObjectNode().put("temperature", 0));

    assertThatThrownBy(() -> new EchoProvider.Factory().create(spec, context))
        .isInstanceOf(ProviderConfigException.class)
        .hasMessage("provider echo: unknown config key(s) temperature; this provider takes no config");
  }
}
