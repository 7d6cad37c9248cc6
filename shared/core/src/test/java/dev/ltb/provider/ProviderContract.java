package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Test kit: what every real vendor must do, checked against the live API. A vendor's live test extends this
 * class and is switched on only when {@code LTB_LIVE_TESTS=true} and the vendor's key are set, e.g.
 * {@code @EnabledIfEnvironmentVariable(named = "LTB_LIVE_TESTS", matches = "true")}, so the normal build never
 * spends money or needs the network.
 */
public abstract class ProviderContract {

  /** The key {@link #providerWithBadKey()} should use. */
  protected static final String BAD_KEY = "ltb-contract-invalid-key-0000000000";

  /** A provider of a small, cheap model with a valid key. */
  protected abstract Provider provider();

  /** The same provider with a key the vendor rejects. */
  protected abstract Provider providerWithBadKey();

  @Test
  void answersAShortQuestion() {
    ProviderResponse response = provider().complete(ProviderRequest.ofText("Reply with the single word: pong"));

    assertThat(response.output()).containsIgnoringCase("pong");
    assertThat(response.usage().input()).isPositive();
    assertThat(response.usage().output()).isPositive();
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.latencyMs()).isPositive();
  }

  @Test
  void aRejectedKeyIsAnAuthenticationErrorThatDoesNotShowTheKey() {
    assertThatThrownBy(() -> providerWithBadKey().complete(ProviderRequest.ofText("hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderErrorKind.AUTHENTICATION);
              assertThat(e.getMessage()).doesNotContain(BAD_KEY);
            });
  }
}
