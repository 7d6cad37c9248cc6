package dev.ltb.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed provider call. The subtype says what failed and so whether the engine retries; inside a run a
 * provider failure is recorded on the item as data and never aborts the run. Messages never contain API
 * keys ({@link AbstractProvider} redacts them).
 */
public abstract sealed class ProviderException extends RuntimeException
    permits ProviderException.Authentication,
        ProviderException.RateLimited,
        ProviderException.InvalidRequest,
        ProviderException.ContentFiltered,
        ProviderException.ServerError,
        ProviderException.Timeout,
        ProviderException.Unavailable,
        ProviderException.MalformedResponse {

  private final int httpStatus;

  protected ProviderException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  public abstract ProviderErrorKind kind();

  public boolean retryable() {
    return kind().retryable();
  }

  /** The HTTP status the vendor answered with, or 0 when there was no HTTP answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** How long the vendor asked us to wait before retrying, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.empty();
  }

  /** A copy with a different message (used to redact secrets); keeps kind, status and retry-after. */
  public abstract ProviderException withMessage(String message);

  public static final class Authentication extends ProviderException {
    public Authentication(String message, int httpStatus) {
      super(message, httpStatus, null);
    }

    @Override
    public ProviderErrorKind kind() {
      return ProviderErrorKind.AUTHENTICATION;
    }

    @Override
    public ProviderException withMessage(String message) {
      return new Authentication(message, httpStatus());
    }
  }

  public static final class RateLimited extends ProviderException {
    private final Duration retryAfter;

    public RateLimited(String message, int httpStatus, Duration retryAfter) {
      super(message, httpStatus, null);
      this.retryAfter = retryAfter;
    }

    @Override
    public ProviderErrorKind kind() {
      return ProviderErrorKind.RATE_LIMITED;
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }

    @Override
    public ProviderException withMessage(String message) {
      return new RateLimited(message, httpStatus(), retryAfter);
    }
  }

  public static final class InvalidRequest extends ProviderException {
    public InvalidRequest(String message, int httpStatus) {
      super(message, httpStatus, null);
    }

    @Override
    public ProviderErrorKind kind() {
      return ProviderErrorKind.INVALID_REQUEST;
    }

    @Override
    public ProviderException withMessage(String message) {
      return new InvalidRequest(message, httpStatus());
    }
  }

  public static final class ContentFiltered extends ProviderException {
    public ContentFiltered(String message, int httpStatus) {
      super(message, httpStatus, null);
    }

    @Override
    public ProviderErrorKind kind() {
      return ProviderErrorKind.CONTENT_FILTERED;
    }

    @Override
    public ProviderException withMessage(String message) {
      return new ContentFiltered(message, httpStatus());
    }
  }

  public static final class ServerError extends ProviderException {
    private final Duration retryAfter;

    public ServerError(String message, int httpStatus, Duration retryAfter) {
      super(message, httpStatus, null);
      this.retryAfter = retryAfter;
    }

    @Override
    public ProviderErrorKind kind() {
      return ProviderErrorKind.SERVER_ERROR;
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }

    @Override
    public ProviderException withMessage(String message) {
      return new ServerError(message, httpStatus(), retryAfter);
    }
  }

  public static final class Timeout extends ProviderException {
    public Timeout(String message, Throwable cause) {
      super(message, 0, cause);
    }

    @Override
    public ProviderErrorKind kind() {
      return ProviderErrorKind.TIMEOUT;
    }

    @Override
    public ProviderException withMessage(String message) {
      return new Timeout(message, null);
    }
  }

  public static final class Unavailable extends ProviderException {
    public Unavailable(String message, Throwable cause) {
      super(message, 0, cause);
    }

    @Override
    public ProviderErrorKind kind() {
      return ProviderErrorKind.UNAVAILABLE;
    }

    @Override
    public ProviderException withMessage(String message) {
      return new Unavailable(message, null);
    }
  }

  public static final class MalformedResponse extends ProviderException {
    public MalformedResponse(String message, int httpStatus, Throwable cause) {
      super(message, httpStatus, cause);
    }

    @Override
    public ProviderErrorKind kind() {
      return ProviderErrorKind.MALFORMED_RESPONSE;
    }

    @Override
    public ProviderException withMessage(String message) {
      return new MalformedResponse(message, httpStatus(), null);
    }
  }
}
