package dev.ltb.aws.bedrock;

import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Builds the Bedrock Runtime clients of a provider, the one place where the SDK is configured:
 *
 * <ul>
 *   <li>region: config {@code region}, else the SDK's default chain ({@code AWS_REGION}, the profile, ...);
 *   <li>credentials: config {@code profile} (a named profile), else the SDK's default chain (environment,
 *       {@code AWS_PROFILE}, SSO, container and instance roles);
 *   <li>endpoint: the SDK's standard configuration ({@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}, {@code
 *       AWS_ENDPOINT_URL}, {@code endpoint_url} in the profile), for VPC endpoints and proxies;
 *   <li>no SDK retries: the engine retries, with its own budget and backoff;
 *   <li>{@code timeoutMs} bounds each call; HTTP through the light URL-connection client (Converse,
 *       InvokeModel) or Netty (ConverseStream, which the SDK only offers on an async client).
 * </ul>
 */
public final class BedrockClients {

  /** Keys {@link #sync} and {@link #async} read. */
  public static final java.util.List<String> KEYS = java.util.List.of("region", "profile", "timeoutMs");

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private BedrockClients() {}

  /**
   * @param customizer applied last to the builder, e.g. by a host application that brings its own
   *     credentials provider
   */
  public static BedrockRuntimeClient sync(ProviderConfig config, Consumer<AwsClientBuilder<?, ?>> customizer) {
    Duration timeout = config.requestTimeout();
    var builder =
        BedrockRuntimeClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(timeout));
    configure(builder, config, timeout);
    customizer.accept(builder);
    return build(config, builder::build);
  }

  public static BedrockRuntimeAsyncClient async(ProviderConfig config, Consumer<AwsClientBuilder<?, ?>> customizer) {
    Duration timeout = config.requestTimeout();
    var builder =
        BedrockRuntimeAsyncClient.builder()
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).readTimeout(timeout));
    configure(builder, config, timeout);
    customizer.accept(builder);
    return build(config, builder::build);
  }

  private static void configure(AwsClientBuilder<?, ?> builder, ProviderConfig config, Duration timeout) {
    config.string("region").filter(region -> !region.isBlank()).ifPresent(region -> builder.region(Region.of(region.strip())));
    config.string("profile").filter(profile -> !profile.isBlank())
        .ifPresent(profile -> builder.credentialsProvider(ProfileCredentialsProvider.create(profile.strip())));
    builder.overrideConfiguration(
        ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallTimeout(timeout)
            .build());
  }

  private static <C> C build(ProviderConfig config, Supplier<C> build) {
    try {
      return build.get();
    } catch (SdkClientException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("region"))
        throw new ProviderConfigException(
            "provider " + config.providerId() + ": no AWS region: set config region (e.g. us-east-1) or AWS_REGION");
      throw new ProviderConfigException("provider " + config.providerId() + ": cannot set up the AWS client: " + message);
    }
  }
}
