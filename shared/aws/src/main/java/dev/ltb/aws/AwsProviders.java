package dev.ltb.aws;

import dev.ltb.aws.bedrock.BedrockProviderFactory;
import dev.ltb.provider.ProviderFactory;
import java.util.List;

/**
 * The provider factories this adapter adds to the core's built-in ones; the CLI and the Lambda functions
 * register them in their provider registry (the core cannot, as it never sees the AWS SDK).
 */
public final class AwsProviders {

  private AwsProviders() {}

  public static List<ProviderFactory> factories() {
    return List.of(new BedrockProviderFactory());
  }
}
