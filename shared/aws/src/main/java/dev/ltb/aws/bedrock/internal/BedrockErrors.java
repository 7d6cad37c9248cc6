package dev.ltb.aws.bedrock.internal;

import dev.ltb.provider.ProviderException;
import dev.ltb.provider.http.RetryAfter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ConflictException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Maps what the AWS SDK throws for a Bedrock Runtime call to the {@link ProviderException} taxonomy, so the
 * engine retries exactly what is retryable: throttling and quota → rate limited; model not ready, service
 * unavailable, internal and model errors → server error; model timeout → timeout; validation, unknown model
 * → invalid request; access denied and bad credentials → authentication; no connection → unavailable.
 */
public final class BedrockErrors {

  /** Error codes of AWS's authentication layer, which answers before Bedrock's own modelled errors. */
  private static final Set<String> CREDENTIAL_ERRORS =
      Set.of(
          "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
          "IncompleteSignature", "IncompleteSignatureException", "MissingAuthenticationTokenException",
          "InvalidClientTokenId", "AccessDeniedException");

  private static final int MAX_MESSAGE = 300;

  private BedrockErrors() {}

  public static ProviderException map(String providerId, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof ProviderException mapped) return mapped;
    if (cause instanceof AwsServiceException service) return service(providerId, service);
    if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException)
      return new ProviderException.Timeout(providerId + ": no answer within the request timeout (timeoutMs)", cause);
    if (cause instanceof SdkClientException client) return client(providerId, client);
    return new ProviderException.MalformedResponse(
        providerId + ": unexpected failure: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), 0, cause);
  }

  private static ProviderException service(String providerId, AwsServiceException e) {
    int status = e.statusCode();
    AwsErrorDetails details = e.awsErrorDetails();
    String code = details == null || details.errorCode() == null ? e.getClass().getSimpleName() : details.errorCode();
    String vendorMessage = details == null || details.errorMessage() == null ? "" : details.errorMessage();
    String message = providerId + ": HTTP " + status + " " + code + shorten(vendorMessage) + hint(e, code);
    return switch (e) {
      case ThrottlingException t -> new ProviderException.RateLimited(message, status, retryAfter(details));
      case ServiceQuotaExceededException q -> new ProviderException.RateLimited(message, status, retryAfter(details));
      case ModelTimeoutException t -> new ProviderException.Timeout(message, e);
      case AccessDeniedException a -> new ProviderException.Authentication(message, status);
      case ValidationException v -> new ProviderException.InvalidRequest(message, status);
      case ResourceNotFoundException r -> new ProviderException.InvalidRequest(message, status);
      case ConflictException c -> new ProviderException.InvalidRequest(message, status);
      case ModelNotReadyException m -> new ProviderException.ServerError(message, status, retryAfter(details));
      case ServiceUnavailableException s -> new ProviderException.ServerError(message, status, retryAfter(details));
      case InternalServerException i -> new ProviderException.ServerError(message, status, retryAfter(details));
      case ModelErrorException m -> new ProviderException.ServerError(message, status, null);
      case ModelStreamErrorException m -> new ProviderException.ServerError(message, status, null);
      default -> byStatus(message, status, code, details);
    };
  }

  private static ProviderException byStatus(String message, int status, String code, AwsErrorDetails details) {
    if (CREDENTIAL_ERRORS.contains(code) || status == 401 || status == 403)
      return new ProviderException.Authentication(message, status);
    if (status == 429) return new ProviderException.RateLimited(message, status, retryAfter(details));
    if (status == 408) return new ProviderException.Timeout(message, null);
    if (status >= 500) return new ProviderException.ServerError(message, status, retryAfter(details));
    if (status >= 400) return new ProviderException.InvalidRequest(message, status);
    return new ProviderException.MalformedResponse(message, status, null);
  }

  private static ProviderException client(String providerId, SdkClientException e) {
    String text = String.valueOf(e.getMessage());
    if (text.contains("Unable to load credentials") || text.contains("credentials provider"))
      return new ProviderException.Authentication(
          providerId + ": no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, "
              + "or run where an IAM role is available (" + shorten(text).replaceFirst("^: ", "") + ")",
          0);
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException)
        return new ProviderException.Timeout(providerId + ": the connection timed out: " + cause.getMessage(), e);
      if (cause instanceof ConnectException || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException || cause instanceof ClosedChannelException)
        return new ProviderException.Unavailable(
            providerId + ": cannot reach Bedrock Runtime: " + cause.getClass().getSimpleName() + ": "
                + cause.getMessage() + " (check the region and AWS_ENDPOINT_URL_BEDROCK_RUNTIME)",
            e);
      if (isJsonError(cause)) break;
      if (cause instanceof IOException)
        return new ProviderException.Unavailable(
            providerId + ": connection failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), e);
    }
    return new ProviderException.MalformedResponse(providerId + ": unreadable answer from Bedrock" + shorten(text), 0, e);
  }

  /** The SDK shades Jackson; a parse failure is recognised by name rather than by type. */
  private static boolean isJsonError(Throwable cause) {
    String name = cause.getClass().getName();
    return name.contains("jackson") || name.contains("Json");
  }

  private static String hint(AwsServiceException e, String code) {
    if (e instanceof ResourceNotFoundException)
      return " (check the model id and that the model is offered in this region)";
    if (e instanceof AccessDeniedException)
      return " (check that the IAM identity may call bedrock:InvokeModel and that model access is granted)";
    if (CREDENTIAL_ERRORS.contains(code)) return " (check the AWS credentials)";
    return "";
  }

  private static Duration retryAfter(AwsErrorDetails details) {
    if (details == null || details.sdkHttpResponse() == null) return null;
    HttpHeaders headers = HttpHeaders.of(details.sdkHttpResponse().headers(), (name, value) -> true);
    return RetryAfter.fromHeaders(headers).orElse(null);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException
            || current instanceof UncheckedIOException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static String shorten(String vendorMessage) {
    String single = vendorMessage.replaceAll("\\s+", " ").strip();
    if (single.isEmpty()) return "";
    return ": " + (single.length() <= MAX_MESSAGE ? single : single.substring(0, MAX_MESSAGE - 3) + "...");
  }
}
