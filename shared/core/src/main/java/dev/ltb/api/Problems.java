package dev.ltb.api;

import dev.ltb.security.AccessDeniedException;
import dev.ltb.suite.load.SuiteProblem;
import dev.ltb.suite.load.SuiteValidationException;
import dev.ltb.tenancy.InvalidIdException;
import dev.ltb.tenancy.QuotaExceededException;
import dev.ltb.tenancy.ResourceNotFoundException;
import java.util.List;
import java.util.Map;

/**
 * The one mapping from the core's exceptions to problem details. A missing resource and another tenant's resource
 * get the very same body. Unexpected exceptions become a 500 whose detail reveals nothing.
 */
public final class Problems {

  private Problems() {}

  public static Problem from(Throwable error) {
    return switch (error) {
      case ApiException e -> e.problem();
      case ResourceNotFoundException e -> Problem.of(ProblemType.NOT_FOUND, e.getMessage());
      case AccessDeniedException e -> Problem.of(ProblemType.FORBIDDEN, e.getMessage());
      case QuotaExceededException e ->
          new Problem(ProblemType.QUOTA_EXCEEDED.uri(), ProblemType.QUOTA_EXCEEDED.title(),
              ProblemType.QUOTA_EXCEEDED.status(), e.getMessage(), List.of(),
              Map.of("plan", e.planId(), "limit", e.limit().field(), "limitValue", e.limitValue()));
      case SuiteValidationException e -> suite(e);
      case InvalidIdException e ->
          new Problem(ProblemType.INVALID_REQUEST.uri(), ProblemType.INVALID_REQUEST.title(), 400, e.getMessage(),
              List.of(Problem.FieldError.of(e.field(), e.getMessage())), Map.of());
      default -> Problem.of(ProblemType.INTERNAL, "internal error; the request was logged");
    };
  }

  static Problem suite(SuiteValidationException e) {
    List<Problem.FieldError> errors =
        e.problems().stream()
            .map((SuiteProblem p) -> new Problem.FieldError(p.field(), p.message(), p.line(), p.column()))
            .toList();
    return new Problem(ProblemType.INVALID_SUITE.uri(), ProblemType.INVALID_SUITE.title(), 422, e.getMessage(),
        errors, Map.of());
  }
}
