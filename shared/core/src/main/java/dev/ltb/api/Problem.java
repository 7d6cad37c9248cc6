package dev.ltb.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem detail: {@code type}, {@code title}, {@code status}, {@code detail}, plus {@code errors}
 * naming each invalid field and extension members such as {@code limit}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type, String title, int status, String detail, List<FieldError> errors, Map<String, Object> extensions) {

  /** One invalid field: {@code field} as the user wrote it (e.g. {@code tests[3].assert[0].type}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldError(String field, String message, Integer line, Integer column) {
    public static FieldError of(String field, String message) {
      return new FieldError(field, message, null, null);
    }
  }

  /** Extension member saying how many seconds to wait before retrying; REST also sends it as {@code Retry-After}. */
  public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

  public Problem {
    Objects.requireNonNull(type, "type");
    errors = errors == null ? List.of() : List.copyOf(errors);
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail, List.of(), Map.of());
  }
}
