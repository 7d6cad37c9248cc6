package dev.ltb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.cli.console.ProgressDisplay;
import dev.ltb.cli.remote.CliProfile;
import dev.ltb.cli.remote.RunWatch;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ltb watch RUN --ws URL}: a deployed run's progress over the WebSocket API (docs/api/websocket.md). */
@Command(
    name = "watch",
    description = "Follows a run of a deployed stack over its WebSocket API: a progress bar on a terminal, plain lines"
        + " otherwise, then the run's result. Exits 0 when the run completed, 3 when it ended otherwise.",
    mixinStandardHelpOptions = true)
final class WatchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN", description = "The run id (as `ltb submit` or the API printed it).")
  String run;

  @Option(names = "--ws", paramLabel = "URL",
      description = "The WebSocket API (wss://…/<stage>); default $LTB_WS_URL, else `ws` in the profile.")
  String webSocketUrl;

  @Option(names = "--profile", paramLabel = "FILE",
      description = "The profile file (default $LTB_PROFILE, else ~/.config/ltb/profile).")
  Path profile;

  @Option(names = "--json", description = "Print every progress message as a JSON line instead of the progress bar.")
  boolean json;

  @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "900",
      description = "Give up after SECONDS without a message (default ${DEFAULT-VALUE}).")
  long idleTimeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    var env = System.getenv();
    Path file = profile != null ? profile : CliProfile.defaultFile(env, Path.of(System.getProperty("user.home")));
    CliProfile settings;
    try {
      settings = CliProfile.resolve(env, file);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    String url = webSocketUrl != null ? webSocketUrl : settings.webSocketUrl().orElseThrow(() -> new UserInputException(
        "no WebSocket API given: pass --ws wss://…/<stage>, set " + CliProfile.WS_URL_VARIABLE + ", or put ws = … in " + file));
    String token = settings.token().orElseThrow(() -> new UserInputException(
        "no credential: set " + CliProfile.API_KEY_VARIABLE + " (an API key) or " + CliProfile.TOKEN_VARIABLE
            + " (a Cognito ID token), or put token = … in " + file));
    URI uri;
    try {
      uri = URI.create(url);
      if (!"wss".equals(uri.getScheme()) && !"ws".equals(uri.getScheme())) throw new IllegalArgumentException();
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--ws must be a ws:// or wss:// URL, was " + url);
    }

    ProgressDisplay display = new ProgressDisplay(out, Terminal.isInteractive());
    JsonNode end;
    try {
      end = new RunWatch(uri, token, Duration.ofSeconds(idleTimeoutSeconds)).watch(run, message -> {
        if (json) {
          out.println(message.toString());
          out.flush();
          return;
        }
        switch (message.path("type").asText()) {
          case "run.started" -> display.started(message.path("totalItems").asLong(), message.path("shardCount").asLong());
          case "items.completed" -> display.counts(message.path("completed").asLong(), message.path("passed").asLong(),
              message.path("failed").asLong(), message.path("errors").asLong());
          default -> {}
        }
      });
    } catch (RunWatch.WatchException e) {
      if (e.userError()) throw new UserInputException(e.getMessage());
      spec.commandLine().getErr().println("ltb watch: " + e.getMessage());
      return ExitCodes.RUN_FAILED;
    }
    if (!json) {
      display.finish();
      out.println(summary(end));
    }
    out.flush();
    return end.path("type").asText().equals("run.completed") ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }

  static String summary(JsonNode end) {
    StringBuilder line = new StringBuilder("Run ").append(end.path("runId").asText()).append(' ')
        .append(end.path("status").asText(end.path("type").asText()));
    if (end.has("items"))
      line.append(String.format(Locale.ROOT, ": %d items, pass %d, fail %d, error %d, pass rate %.1f%%, cost $%.4f",
          end.path("items").asLong(), end.path("passed").asLong(), end.path("failed").asLong(),
          end.path("errors").asLong(), 100 * end.path("passRate").asDouble(), end.path("costUsd").asDouble()));
    if (end.hasNonNull("reason")) line.append(" (").append(end.path("reason").asText()).append(')');
    return line.toString();
  }
}
