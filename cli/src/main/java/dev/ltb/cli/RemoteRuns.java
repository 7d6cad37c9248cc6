package dev.ltb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.cli.remote.RestApi;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/** A deployed run as {@code ltb submit --wait} and {@code ltb fetch} show it. */
final class RemoteRuns {

  private static final Set<String> ACTIVE = Set.of("QUEUED", "RUNNING");

  private RemoteRuns() {}

  static String path(String runId) {
    return "/runs/" + RestApi.query(runId);
  }

  /** Polls {@code GET /runs/{id}} until the run ends; exit 0, 1 below {@code minPassRate}, 3 when it did not complete. */
  static int await(RestApi api, String runId, double pollSeconds, double minPassRate, PrintWriter out)
      throws InterruptedException {
    JsonNode run = api.get(path(runId));
    String last = "";
    while (ACTIVE.contains(run.path("status").asText())) {
      if (!run.path("status").asText().equals(last)) {
        last = run.path("status").asText();
        out.println("Run " + runId + " is " + last + "…");
        out.flush();
      }
      Thread.sleep((long) (pollSeconds * 1000));
      run = api.get(path(runId));
    }
    String status = run.path("status").asText();
    if (!run.path("hasSummary").asBoolean(false) || !status.equals("COMPLETED")) {
      out.println("Run " + runId + " " + status
          + (run.hasNonNull("statusReason") ? " (" + run.path("statusReason").asText() + ")" : ""));
      out.flush();
      return status.equals("COMPLETED") ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
    JsonNode totals = api.get(path(runId) + "/summary").path("totals");
    out.println(summary(runId, status, totals));
    double passRate = totals.path("passRate").asDouble();
    if (passRate + 1e-12 < minPassRate) {
      out.printf(Locale.ROOT, "Pass rate %.1f%% is below the required %.1f%%.%n", 100 * passRate, 100 * minPassRate);
      out.flush();
      return ExitCodes.TESTS_FAILED;
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** {@code Run r1 COMPLETED: 8 items, pass 5, fail 2, error 1, pass rate 62.5%, cost $0.0123}. */
  static String summary(String runId, String status, JsonNode totals) {
    return String.format(Locale.ROOT, "Run %s %s: %d items, pass %d, fail %d, error %d, pass rate %.1f%%, cost $%.4f",
        runId, status, totals.path("items").asLong(), totals.path("passed").asLong(), totals.path("failed").asLong(),
        totals.path("errors").asLong(), 100 * totals.path("passRate").asDouble(), totals.path("costUsd").asDouble());
  }
}
