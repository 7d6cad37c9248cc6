package dev.ltb.aws.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.json.Json;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.suite.ProviderSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/** Points the SDK at a fake Bedrock Runtime with static fake credentials; used by tests only. */
final class BedrockTestKit {

  static final String ACCESS_KEY = "AKIDEXAMPLE";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  private BedrockTestKit() {}

  static Consumer<AwsClientBuilder<?, ?>> fakeEndpoint(URI endpoint) {
    return builder -> {
      builder.endpointOverride(endpoint);
      builder.region(Region.US_EAST_1);
      builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    };
  }

  static BedrockProviderFactory factory(WireMockExtension server) {
    return new BedrockProviderFactory(fakeEndpoint(URI.create(server.baseUrl())));
  }

  static Provider provider(WireMockExtension server, String id, String configJson) {
    return factory(server).create(spec(id, configJson), ProviderContext.defaults(Path.of(".")));
  }

  static ProviderSpec spec(String id, String configJson) {
    return ProviderSpec.of(id, json(configJson));
  }

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
