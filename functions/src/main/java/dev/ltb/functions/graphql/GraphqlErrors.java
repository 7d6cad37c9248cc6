package dev.ltb.functions.graphql;

import dev.ltb.api.Problem;
import dev.ltb.api.Problems;
import dev.ltb.functions.graphql.errors.BadRequest;
import dev.ltb.functions.graphql.errors.Conflict;
import dev.ltb.functions.graphql.errors.Forbidden;
import dev.ltb.functions.graphql.errors.GraphqlException;
import dev.ltb.functions.graphql.errors.Internal;
import dev.ltb.functions.graphql.errors.NotFound;
import dev.ltb.functions.graphql.errors.QuotaExceeded;
import dev.ltb.functions.graphql.errors.Unauthorized;
import dev.ltb.functions.graphql.errors.Unavailable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases' errors as GraphQL errors, through the same {@link Problems} mapping as REST's problem+json, so
 * both doors say the same thing: the problem's status picks the error type, its detail (and the invalid fields
 * it names) becomes the message. Anything unexpected is logged and answered with the request id only.
 */
final class GraphqlErrors {

  private static final Logger LOG = LoggerFactory.getLogger(GraphqlErrors.class);
  private static final int MAX_FIELD_ERRORS = 5;

  private GraphqlErrors() {}

  static GraphqlException map(RuntimeException e, FieldRef field, String requestId) {
    if (e instanceof GraphqlException known) return known;
    Problem problem = Problems.from(e);
    if (problem.status() >= 500 && problem.status() != 503) {
      LOG.error("{} failed (request {})", field, requestId, e);
      return new Internal("internal error resolving " + field + "; report request id " + requestId);
    }
    String message = message(problem);
    return switch (problem.status()) {
      case 401 -> new Unauthorized(message);
      case 403 -> new Forbidden(message);
      case 404 -> new NotFound(message);
      case 409 -> new Conflict(message);
      case 429 -> new QuotaExceeded(message);
      case 503 -> new Unavailable(message);
      default -> new BadRequest(message);
    };
  }

  private static String message(Problem problem) {
    String detail = problem.detail() != null ? problem.detail() : problem.title();
    if (problem.errors().isEmpty()) return detail;
    return detail
        + ": "
        + problem.errors().stream()
            .limit(MAX_FIELD_ERRORS)
            .map(e -> e.field() + (e.line() != null ? " (line " + e.line() + ")" : "") + ": " + e.message())
            .collect(Collectors.joining("; "));
  }
}
