package dev.ltb.api;

import java.net.URI;

/**
 * Every kind of error the APIs answer with, each with a stable {@code type} URI (RFC 9457) that clients may switch
 * on, its HTTP status and its title. Adding a value is fine; renaming a slug breaks clients.
 */
public enum ProblemType {
  INVALID_REQUEST("invalid-request", 400, "The request is invalid"),
  UNAUTHENTICATED("unauthenticated", 401, "Authentication is required"),
  FORBIDDEN("forbidden", 403, "The caller's role does not allow this operation"),
  NOT_FOUND("not-found", 404, "The resource does not exist"),
  NOT_ACCEPTABLE("not-acceptable", 406, "No representation matches the Accept header"),
  CONFLICT("conflict", 409, "The resource is in a state that does not allow this"),
  IDEMPOTENCY_KEY_IN_PROGRESS(
      "idempotency-key-in-progress", 409, "A request with this Idempotency-Key is still being processed"),
  SUMMARY_NOT_READY("summary-not-ready", 409, "The run has no summary yet"),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The request body's media type is not supported"),
  INVALID_SUITE("invalid-suite", 422, "The suite is invalid"),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was used with a different request"),
  QUOTA_EXCEEDED("quota-exceeded", 429, "The tenant's plan does not allow this run"),
  INTERNAL("internal", 500, "Internal error"),
  UNAVAILABLE("unavailable", 503, "A backing service is unavailable");

  /** All type URIs start here; the documentation of each type lives at that address. */
  public static final String BASE = "https://ltb.dev/problems/";

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  public URI uri() {
    return URI.create(BASE + slug);
  }

  public String slug() {
    return slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
