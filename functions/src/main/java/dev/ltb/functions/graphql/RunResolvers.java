package dev.ltb.functions.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.api.ApiException;
import dev.ltb.api.ResultService;
import dev.ltb.api.RunService;
import dev.ltb.api.StartRun;
import dev.ltb.functions.graphql.errors.BadRequest;
import dev.ltb.json.Json;
import dev.ltb.run.RunStatus;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.tenancy.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs: {@code Query.run}, {@code Query.runs}, {@code Mutation.startRun}, {@code cancelRun}, {@code deleteRun},
 * and {@code Run.summary} in batches (a page of runs asking for their summaries costs one invocation, not one
 * per run). Another tenant's run id answers exactly as a missing one: {@code run} is null, mutations fail with
 * {@code NotFound} and the same message.
 */
final class RunResolvers implements ResolverGroup {

  /** The largest batch AppSync sends for {@code Run.summary} (the resolver's maxBatchSize). */
  static final int SUMMARY_BATCH = 25;

  private final RunService runs;
  private final ResultService results;

  RunResolvers(RunService runs, ResultService results) {
    this.runs = Objects.requireNonNull(runs);
    this.results = Objects.requireNonNull(results);
  }

  @Override
  public void register(ResolverRegistry.Builder registry) {
    registry
        .query("run", this::run)
        .query("runs", this::runs)
        .mutation("startRun", call -> Views.run(runs.start(Callers.of(call), startRun(call.object("input")))))
        .mutation("cancelRun", call -> Views.run(runs.cancel(Callers.of(call), call.string("runId"))))
        .mutation(
            "deleteRun",
            call -> {
              runs.delete(Callers.of(call), call.string("runId"));
              return true;
            })
        .batch(new FieldRef("Run", "summary"), this::summaries);
  }

  private Object run(ResolverCall call) {
    try {
      return Views.run(runs.get(Callers.of(call), call.string("runId")));
    } catch (ResourceNotFoundException e) {
      return null;
    } catch (ApiException e) {
      if (e.problem().status() == 404) return null;
      throw e;
    }
  }

  private Object runs(ResolverCall call) {
    JsonNode filter = call.object("filter");
    RunStatus status = null;
    if (filter.hasNonNull("status")) {
      try {
        status = RunStatus.valueOf(filter.get("status").asText());
      } catch (IllegalArgumentException e) {
        throw new BadRequest("runs: filter.status must be one of " + List.of(RunStatus.values()));
      }
    }
    PageRequest page = call.page();
    return Views.connection(runs.list(Callers.of(call), status, page), Views::run);
  }

  /** One summary per parent run, in order; null for a run that has none yet (or is gone). */
  private List<Object> summaries(List<ResolverCall> calls) {
    List<Object> answers = new ArrayList<>(calls.size());
    for (ResolverCall call : calls) {
      JsonNode source = call.source();
      if (source.path("hasSummary").isBoolean() && !source.get("hasSummary").asBoolean()) {
        answers.add(null);
        continue;
      }
      try {
        answers.add(Views.summary(results.summary(Callers.of(call), source.path("runId").asText())));
      } catch (ResourceNotFoundException e) {
        answers.add(null);
      } catch (ApiException e) {
        int status = e.problem().status();
        if (status != 404 && status != 409) throw e;
        answers.add(null);
      }
    }
    return answers;
  }

  static StartRun startRun(JsonNode input) {
    if (!input.isObject()) throw new BadRequest("startRun: argument 'input' is required");
    Map<String, String> vars = new LinkedHashMap<>();
    JsonNode varsNode = input.path("vars");
    if (varsNode.isTextual()) { // AWSJSON may arrive as JSON text
      try {
        varsNode = Json.mapper().readTree(varsNode.asText());
      } catch (java.io.IOException e) {
        throw new BadRequest("startRun: input.vars must be a JSON object of strings");
      }
    }
    if (!varsNode.isMissingNode() && !varsNode.isNull()) {
      if (!varsNode.isObject()) throw new BadRequest("startRun: input.vars must be a JSON object of strings");
      varsNode.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    }
    return new StartRun(
        text(input, "suiteId"),
        input.hasNonNull("suiteVersion") ? input.get("suiteVersion").asInt() : null,
        text(input, "suite"),
        text(input, "format"),
        vars,
        input.hasNonNull("maxConcurrency") ? input.get("maxConcurrency").asInt() : null);
  }

  private static String text(JsonNode input, String name) {
    return input.hasNonNull(name) ? input.get(name).asText() : null;
  }
}
