package dev.ltb.rest;

import dev.ltb.api.Problem;
import dev.ltb.api.ProblemType;
import dev.ltb.api.Problems;
import dev.ltb.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Every error leaves as RFC 9457 {@code application/problem+json} with a stable {@code type}. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @Override
  public Response toResponse(Throwable error) {
    Problem problem = error instanceof WebApplicationException web ? fromStatus(web) : Problems.from(error);
    if (problem.status() >= 500) LOG.error("request failed", error);
    return response(problem);
  }

  static Response response(Problem problem) {
    try {
      Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON)
          .entity(Json.mapper().writeValueAsString(problem));
      if (problem.extensions().get(Problem.RETRY_AFTER_SECONDS) instanceof Number seconds)
        response.header("Retry-After", seconds.longValue());
      return response.build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a problem is always serializable", e);
    }
  }

  private static Problem fromStatus(WebApplicationException web) {
    int status = web.getResponse().getStatus();
    ProblemType type = switch (status) {
      case 400 -> ProblemType.INVALID_REQUEST;
      case 401 -> ProblemType.UNAUTHENTICATED;
      case 403 -> ProblemType.FORBIDDEN;
      case 404, 405 -> ProblemType.NOT_FOUND;
      case 406 -> ProblemType.NOT_ACCEPTABLE;
      case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
      case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
      default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST;
    };
    String detail = status == 404 || status == 405 ? "no such resource or method" : type.title();
    return Problem.of(type, detail);
  }
}
