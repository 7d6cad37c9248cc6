package dev.ltb.provider.echo;

import dev.ltb.provider.AbstractProvider;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenEstimate;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.ProviderSpec;
import java.util.List;

/**
 * {@code echo}: answers with the rendered prompt, unchanged. Offline and free, for trying a suite's prompts
 * and assertions without a model. Tokens are estimated ({@link TokenEstimate}, four characters each) so
 * reports show plausible numbers; the cost is 0.
 */
public final class EchoProvider extends AbstractProvider {

  public static final ProviderDescriptor DESCRIPTOR =
      new ProviderDescriptor(
          "echo", "echo", "Answers with the rendered prompt (offline, free; tokens estimated)", List.of());

  EchoProvider(String id) {
    super(id);
  }

  @Override
  public boolean cacheable() {
    return false;
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    long tokens = TokenEstimate.of(request.prompt());
    return ProviderResponse.of(request.prompt(), new TokenUsage(tokens, tokens), 0.0, FinishReason.STOP);
  }

  /** Builds {@code echo} providers; takes no config. */
  public static final class Factory implements ProviderFactory {

    @Override
    public ProviderDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public EchoProvider create(ProviderSpec spec, ProviderContext context) {
      ProviderConfig.of(spec).rejectUnknownKeys(DESCRIPTOR.configKeys());
      return new EchoProvider(spec.id());
    }
  }
}
