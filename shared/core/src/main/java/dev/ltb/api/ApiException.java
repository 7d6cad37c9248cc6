package dev.ltb.api;

import java.util.List;
import java.util.Map;

/** A use case refused the call; {@link #problem()} is what the caller gets (entry points only serialize it). */
public final class ApiException extends RuntimeException {

  private final transient Problem problem;

  public ApiException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public ApiException(ProblemType type, String detail) {
    this(Problem.of(type, detail));
  }

  public ApiException(ProblemType type, String detail, List<Problem.FieldError> errors) {
    this(new Problem(type.uri(), type.title(), type.status(), detail, errors, Map.of()));
  }

  public static ApiException invalidField(String field, String message) {
    return new ApiException(
        ProblemType.INVALID_REQUEST, field + ": " + message, List.of(Problem.FieldError.of(field, message)));
  }

  public Problem problem() {
    return problem;
  }
}
