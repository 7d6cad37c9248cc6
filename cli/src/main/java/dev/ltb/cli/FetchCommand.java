package dev.ltb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.cli.remote.RestApi;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ltb fetch RUN}: a deployed run's state and totals, and with {@code -o} its results (JSONL, paged through
 * {@code GET /runs/{id}/results}, one page in memory at a time) and its report (HTML or JSON).
 */
@Command(
    name = "fetch",
    description = "Downloads a run of a deployed stack: prints its state and totals; -o results.jsonl writes every"
        + " result (one JSON object a line), -o report.html / report.json the report.",
    mixinStandardHelpOptions = true)
final class FetchCommand implements Callable<Integer> {

  private static final int PAGE = 100;

  @Spec CommandSpec spec;

  @Mixin RemoteApiOptions remote;

  @Parameters(paramLabel = "RUN", description = "The run id (as `ltb submit` printed it).")
  String run;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write FILE, by its extension: .jsonl (every result), .html or .json (the report). Repeatable.")
  List<Path> outputs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Path output : outputs) kind(output);
    RestApi api = remote.connect();
    JsonNode state = api.get(RemoteRuns.path(run));
    String status = state.path("status").asText();
    for (Path output : outputs) {
      long count = switch (kind(output)) {
        case "jsonl" -> results(api, output);
        case "html" -> report(api, output, "text/html");
        default -> report(api, output, "application/json");
      };
      out.println(kind(output).equals("jsonl") ? "Wrote " + count + " result(s) to " + output : "Wrote " + output);
    }
    if (state.path("hasSummary").asBoolean(false)) {
      out.println(RemoteRuns.summary(run, status, api.get(RemoteRuns.path(run) + "/summary").path("totals")));
    } else {
      out.printf(Locale.ROOT, "Run %s %s: %d item(s), no summary yet.%n", run, status, state.path("totalItems").asLong());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String kind(Path output) {
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl")) return "jsonl";
    if (name.endsWith(".html") || name.endsWith(".htm")) return "html";
    if (name.endsWith(".json")) return "json";
    throw new UserInputException("-o " + output + ": name a .jsonl (results), .html or .json (report) file");
  }

  /** Every result, page by page after the cursor, written as it arrives; into a temporary file first. */
  private long results(RestApi api, Path output) {
    Path partial = partial(output);
    long count = 0;
    try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      String cursor = null;
      do {
        String path = RemoteRuns.path(run) + "/results?limit=" + PAGE
            + (cursor == null ? "" : "&cursor=" + RestApi.query(cursor));
        JsonNode page = api.get(path);
        for (JsonNode item : page.path("items")) {
          writer.write(Json.write(item));
          writer.write('\n');
          count++;
        }
        cursor = page.hasNonNull("nextCursor") && !page.path("nextCursor").asText().isEmpty()
            ? page.path("nextCursor").asText() : null;
      } while (cursor != null);
    } catch (IOException e) {
      throw new UserInputException("cannot write " + output + ": " + e.getMessage());
    }
    move(partial, output);
    return count;
  }

  private long report(RestApi api, Path output, String accept) {
    Path partial = partial(output);
    try (InputStream in = api.stream(RemoteRuns.path(run) + "/report", accept)) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UserInputException("cannot write " + output + ": " + e.getMessage());
    }
    move(partial, output);
    return 1;
  }

  private static Path partial(Path output) {
    Path absolute = output.toAbsolutePath();
    try {
      if (absolute.getParent() != null) Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new UserInputException("cannot write " + output + ": " + e.getMessage());
    }
    return absolute.resolveSibling(absolute.getFileName() + ".partial");
  }

  private static void move(Path partial, Path output) {
    try {
      Files.move(partial, output.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UserInputException("cannot write " + output + ": " + e.getMessage());
    }
  }
}
