package dev.ltb.functions.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.api.ReportFormat;
import dev.ltb.api.ResultFilter;
import dev.ltb.api.ResultService;
import dev.ltb.functions.graphql.errors.BadRequest;
import dev.ltb.tenancy.PageRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** What a run produced: {@code results} (paged, filtered), {@code summary}, {@code report}, {@code compareRuns}. */
final class ResultResolvers implements ResolverGroup {

  private final ResultService results;

  ResultResolvers(ResultService results) {
    this.results = Objects.requireNonNull(results);
  }

  @Override
  public void register(ResolverRegistry.Builder registry) {
    registry
        .query("results", this::results)
        .query("summary", call -> Views.summary(results.summary(Callers.of(call), call.string("runId"))))
        .query("report", this::report)
        .query("compareRuns", this::compare);
  }

  private Object results(ResolverCall call) {
    JsonNode filter = call.object("filter");
    ResultFilter resultFilter =
        new ResultFilter(
            filter.hasNonNull("providerId") ? filter.get("providerId").asText() : null,
            filter.hasNonNull("pass") ? filter.get("pass").asBoolean() : null,
            filter.hasNonNull("error") ? filter.get("error").asBoolean() : null);
    PageRequest page = call.page();
    return Views.connection(results.results(Callers.of(call), call.string("runId"), resultFilter, page), Views::result);
  }

  private Object report(ResolverCall call) {
    String formatName = call.optionalString("format");
    ReportFormat format;
    try {
      format = formatName == null ? ReportFormat.HTML : ReportFormat.valueOf(formatName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("report: format must be HTML or JSON");
    }
    String runId = call.string("runId");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    results.report(Callers.of(call), runId, format, out);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("runId", runId);
    view.put("format", format.name());
    view.put("contentType", format.mediaType());
    view.put("content", out.toString(StandardCharsets.UTF_8));
    return view;
  }

  private Object compare(ResolverCall call) {
    String base = call.string("baselineRunId");
    String candidate = call.string("candidateRunId");
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("baselineRunId", base);
    view.put("candidateRunId", candidate);
    view.put("comparison", Views.json(results.compare(Callers.of(call), base, candidate)));
    return view;
  }
}
