package dev.ltb.aws.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

class BedrockErrorsTest {

  private static final String ID = "bedrock:m";

  @Test
  void keepsTheWaitBedrockAskedFor() {
    ThrottlingException throttled =
        (ThrottlingException) ThrottlingException.builder()
            .statusCode(429)
            .awsErrorDetails(details("ThrottlingException", "Too many requests", 429, "Retry-After", "3"))
            .build();

    ProviderException mapped = BedrockErrors.map(ID, new CompletionException(throttled));

    assertThat(mapped).isInstanceOf(ProviderException.RateLimited.class).hasMessage("bedrock:m: HTTP 429 ThrottlingException: Too many requests");
    assertThat(mapped.retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void mapsStreamErrorsAndUnmodelledCodes() {
    AwsServiceException streamError =
        ModelStreamErrorException.builder().statusCode(424).awsErrorDetails(details("modelStreamErrorException", "boom", 424)).build();
    AwsServiceException expired =
        AwsServiceException.builder().statusCode(400).awsErrorDetails(details("ExpiredTokenException", "The security token included in the request is expired", 400)).build();
    AwsServiceException gateway = AwsServiceException.builder().statusCode(502).awsErrorDetails(details("BadGateway", "", 502)).build();

    assertThat(BedrockErrors.map(ID, streamError).kind()).isEqualTo(ProviderErrorKind.SERVER_ERROR);
    assertThat(BedrockErrors.map(ID, expired))
        .isInstanceOf(ProviderException.Authentication.class)
        .hasMessage("bedrock:m: HTTP 400 ExpiredTokenException: The security token included in the request is expired (check the AWS credentials)");
    assertThat(BedrockErrors.map(ID, gateway)).isInstanceOf(ProviderException.ServerError.class).hasMessage("bedrock:m: HTTP 502 BadGateway");
  }

  @Test
  void mapsClientSideFailures() {
    SdkClientException refused = SdkClientException.create("Unable to execute HTTP request", new ConnectException("Connection refused"));
    SdkClientException slow = SdkClientException.create("Unable to execute HTTP request", new SocketTimeoutException("Read timed out"));
    SdkClientException noCredentials = SdkClientException.create("Unable to load credentials from any of the providers in the chain");
    SdkClientException unreadable = SdkClientException.create("Unable to unmarshall response", new IllegalStateException("bad"));

    assertThat(BedrockErrors.map(ID, refused))
        .isInstanceOf(ProviderException.Unavailable.class)
        .hasMessage("bedrock:m: cannot reach Bedrock Runtime: ConnectException: Connection refused (check the region and AWS_ENDPOINT_URL_BEDROCK_RUNTIME)");
    assertThat(BedrockErrors.map(ID, slow)).isInstanceOf(ProviderException.Timeout.class);
    assertThat(BedrockErrors.map(ID, ApiCallTimeoutException.create(1000))).isInstanceOf(ProviderException.Timeout.class);
    assertThat(BedrockErrors.map(ID, noCredentials))
        .isInstanceOf(ProviderException.Authentication.class)
        .hasMessageStartingWith("bedrock:m: no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY");
    assertThat(BedrockErrors.map(ID, unreadable))
        .isInstanceOf(ProviderException.MalformedResponse.class)
        .hasMessage("bedrock:m: unreadable answer from Bedrock: Unable to unmarshall response");
  }

  @Test
  void passesOurOwnExceptionsThrough() {
    ProviderException ours = new ProviderException.MalformedResponse("bedrock:m: tool input before its start", 200, null);

    assertThat(BedrockErrors.map(ID, new CompletionException(ours))).isSameAs(ours);
  }

  private static AwsErrorDetails details(String code, String message, int status, String... headers) {
    SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
    for (int i = 0; i + 1 < headers.length; i += 2) response.putHeader(headers[i], headers[i + 1]);
    return AwsErrorDetails.builder().errorCode(code).errorMessage(message).sdkHttpResponse(response.build()).build();
  }
}
