package dev.ltb.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

/** Points an SDK client at a WireMock server speaking an AWS JSON protocol; tests only. */
public final class AwsFakes {

  private AwsFakes() {}

  public static <B extends AwsClientBuilder<B, C>, C> C client(B builder, String baseUrl) {
    return builder
        .endpointOverride(URI.create(baseUrl))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
        .build();
  }

  /** A response body from {@code src/test/resources/fixtures/aws/}. */
  public static String fixture(String name) {
    try (InputStream in = AwsFakes.class.getResourceAsStream("/fixtures/aws/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
