package dev.ltb.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A call the REST API did not answer with success: its status (0 when there was no answer) and what the user can act
 * on, the problem's {@code detail} and one line per field error ({@code field (line:column): message}).
 */
public final class ApiCallException extends RuntimeException {

  private final int status;
  private final List<String> fieldErrors;

  public ApiCallException(int status, String message, List<String> fieldErrors) {
    super(message);
    this.status = status;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /** From an {@code application/problem+json} answer, or whatever else the body says. */
  static ApiCallException of(String what, int status, String body) {
    JsonNode problem;
    try {
      problem = Json.mapper().readTree(body);
    } catch (Exception e) {
      problem = null;
    }
    if (problem == null || !problem.isObject()) {
      String text = body == null ? "" : body.strip();
      if (text.length() > 300) text = text.substring(0, 300) + "…";
      return new ApiCallException(status, what + " answered HTTP " + status + (text.isEmpty() ? "" : ": " + text), List.of());
    }
    String detail = problem.path("detail").asText(problem.path("title").asText(problem.path("message").asText("")));
    List<String> fields = new ArrayList<>();
    for (JsonNode error : problem.path("errors")) {
      StringBuilder line = new StringBuilder(error.path("field").asText(""));
      if (error.hasNonNull("line"))
        line.append(" (line ").append(error.path("line").asInt()).append(", column ").append(error.path("column").asInt())
            .append(')');
      fields.add(line.append(": ").append(error.path("message").asText("")).toString());
    }
    String hint = status == 401
        ? " (the credential was refused: check " + CliProfile.API_KEY_VARIABLE + ", " + CliProfile.TOKEN_VARIABLE
            + " or token in the profile)"
        : "";
    return new ApiCallException(status, what + " answered " + status + ": " + detail + hint, fields);
  }

  public int status() {
    return status;
  }

  /** A 4xx: the request (the suite, the key, the run id) must change; anything else may pass on its own. */
  public boolean userError() {
    return status >= 400 && status < 500;
  }

  public List<String> fieldErrors() {
    return fieldErrors;
  }
}
