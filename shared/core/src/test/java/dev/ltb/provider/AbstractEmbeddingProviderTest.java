package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AbstractEmbeddingProviderTest {

  private static final String KEY = "sk-secret-embedding-key-1";

  private static EmbeddingProvider failing(RuntimeException failure) {
    return new AbstractEmbeddingProvider("fake:embed:m") {
      @Override
      protected Embedding doEmbed(String text) {
        throw failure;
      }

      @Override
      protected List<String> secrets() {
        return List.of(KEY);
      }
    };
  }

  @Test
  void providerErrorsLoseTheKeyButKeepTheirKind() {
    EmbeddingProvider provider = failing(new ProviderException.RateLimited("fake: key " + KEY + " is throttled", 429, null));

    assertThatThrownBy(() -> provider.embed("x"))
        .isInstanceOf(ProviderException.RateLimited.class)
        .hasMessage("fake: key [REDACTED] is throttled");
  }

  @Test
  void unexpectedFailuresBecomeMalformedResponses() {
    assertThatThrownBy(() -> failing(new IllegalStateException("boom")).embed("x"))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage("fake:embed:m: unexpected failure: IllegalStateException: boom");
    assertThat(failing(new IllegalStateException()).id()).isEqualTo("fake:embed:m");
  }
}
