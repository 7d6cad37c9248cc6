package dev.ltb.rest;

/**
 * Names shared by the resources' OpenAPI annotations: the reusable components (package-info declares them,
 * {@link ProblemTypesFilter} completes them) and the media types. Annotation values must be constants, hence strings.
 */
final class ApiDoc {

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";
  static final String YAML = "application/yaml";
  static final String CSV = "text/csv";
  static final String HTML = "text/html";

  /** Reusable responses ({@code #/components/responses/…}). */
  static final String NOT_MODIFIED = "NotModified";
  static final String NO_CONTENT = "NoContent";
  static final String INVALID_REQUEST = "InvalidRequest";
  static final String UNAUTHENTICATED = "Unauthenticated";
  static final String FORBIDDEN = "Forbidden";
  static final String NOT_FOUND = "NotFound";
  static final String NOT_ACCEPTABLE = "NotAcceptable";
  static final String CONFLICT = "Conflict";
  static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
  static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
  static final String UNPROCESSABLE = "Unprocessable";
  static final String QUOTA_EXCEEDED = "QuotaExceeded";
  static final String INTERNAL = "Internal";

  /** Reusable headers ({@code #/components/headers/…}). */
  static final String ETAG = "ETag";
  static final String REPLAYED = "Idempotent-Replayed";
  static final String LOCATION = "Location";

  /** Reusable parameters ({@code #/components/parameters/…}), named as sent. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String IF_NONE_MATCH = "If-None-Match";
  static final String CURSOR = "cursor";
  static final String LIMIT = "limit";

  /** The security scheme: {@code Authorization: Bearer <API key or ID token>}. */
  static final String BEARER = "bearer";

  /** The schema every problem answer has. */
  static final String PROBLEM = "Problem";

  static final String CREATED_REPLAYED =
      "Created. A retry with the same Idempotency-Key and body gets this answer again, with Idempotent-Replayed: true.";
  static final String ETAG_OK =
      "OK, with a strong ETag; send it back in If-None-Match to get 304 while it is unchanged.";

  private ApiDoc() {}
}
