package dev.ltb.aws.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Sends a GraphQL operation to an AppSync API as an IAM caller: an HTTP POST of {@code {"query",
 * "variables"}} to the API's {@code /graphql} endpoint, signed with Signature Version 4 for the service
 * {@value #SIGNING_NAME} (AppSync's {@code AWS_IAM} authorization). Credentials and region come from the SDK's
 * default chains (in Lambda: the function's role and {@code AWS_REGION}).
 *
 * <p>AppSync answers HTTP 200 even when the operation failed; the {@code errors} array says so, and this client
 * turns it into an {@link AppSyncException}, as it does a non-2xx status (403 when the role may not call the
 * field, 401 for a bad signature).
 */
public final class AppSyncClient implements AutoCloseable {

  /** The SigV4 signing name of AppSync's data plane. */
  public static final String SIGNING_NAME = "appsync";

  private static final int MAX_ERROR_BODY = 2048;
  private static final ObjectMapper JSON = Json.mapper();

  private final URI endpoint;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;
  private final boolean ownsHttp;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  private AppSyncClient(Builder builder) {
    this.endpoint = Objects.requireNonNull(builder.endpoint, "endpoint");
    if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme()))
      throw new IllegalArgumentException("AppSync endpoint must be an http(s) URL, was " + endpoint);
    this.region = builder.region != null ? builder.region : DefaultAwsRegionProviderChain.builder().build().getRegion();
    this.credentials = builder.credentials != null ? builder.credentials : DefaultCredentialsProvider.builder().build();
    this.ownsHttp = builder.http == null;
    this.http =
        builder.http != null
            ? builder.http
            : UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public URI endpoint() {
    return endpoint;
  }

  /**
   * Runs one operation and returns its {@code data}.
   *
   * @throws AppSyncException when AppSync refused the request or answered with errors
   */
  public JsonNode execute(String query, Map<String, ?> variables) {
    ObjectNode body = JSON.createObjectNode();
    body.put("query", query);
    body.set("variables", JSON.valueToTree(variables));
    byte[] payload;
    try {
      payload = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new AppSyncException("cannot encode the GraphQL request: " + e.getMessage(), e);
    }
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .putHeader("Content-Type", "application/json")
            .putHeader("Accept", "application/json")
            .build();
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
    int status;
    byte[] answer;
    try {
      HttpExecuteResponse response =
          http.prepareRequest(
                  HttpExecuteRequest.builder()
                      .request(signed.request())
                      .contentStreamProvider(signed.payload().orElse(null))
                      .build())
              .call();
      status = response.httpResponse().statusCode();
      try (InputStream in = response.responseBody().orElse(null)) {
        answer = in == null ? new byte[0] : in.readAllBytes();
      }
    } catch (IOException e) {
      throw new AppSyncException("cannot reach AppSync at " + endpoint + ": " + e.getMessage(), e);
    }
    String text = new String(answer, StandardCharsets.UTF_8);
    if (status / 100 != 2)
      throw new AppSyncException("AppSync answered HTTP " + status + ": " + truncate(text), null);
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (IOException e) {
      throw new AppSyncException("AppSync answered with a body that is not JSON: " + truncate(text), e);
    }
    JsonNode errors = json.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      JsonNode first = errors.get(0);
      String type = first.path("errorType").asText("");
      throw new AppSyncException(
          "AppSync refused the operation: " + (type.isEmpty() ? "" : type + ": ") + first.path("message").asText(""),
          null);
    }
    return json.path("data");
  }

  private static String truncate(String text) {
    return text.length() <= MAX_ERROR_BODY ? text : text.substring(0, MAX_ERROR_BODY) + "...";
  }

  @Override
  public void close() {
    if (ownsHttp) http.close();
  }

  /** Options; endpoint is required, the rest defaults to the SDK's chains and a URL-connection client. */
  public static final class Builder {
    private URI endpoint;
    private Region region;
    private AwsCredentialsProvider credentials;
    private SdkHttpClient http;

    private Builder() {}

    /** The API's GraphQL URL, e.g. {@code https://<id>.appsync-api.<region>.amazonaws.com/graphql}. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    /** A shared HTTP client (not closed by this client). */
    public Builder httpClient(SdkHttpClient http) {
      this.http = http;
      return this;
    }

    public AppSyncClient build() {
      return new AppSyncClient(this);
    }
  }
}
