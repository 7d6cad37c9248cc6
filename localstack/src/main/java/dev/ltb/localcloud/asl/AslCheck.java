package dev.ltb.localcloud.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltb.localcloud.internal.NodeRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks a state machine definition file with asl-validator 4.0.0 and the local cloud's guard, by running
 * {@code localstack/sfn-server/check-asl.mjs} on Node 22 (the same guard the local Step Functions server applies
 * at CreateStateMachine). Use it on every ASL file the project deploys:
 *
 * <pre>{@code AslCheck.check(Path.of("statemachines/benchmark-run.asl.json")).assertValid();}</pre>
 */
public final class AslCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AslCheck() {}

  public static AslReport check(Path file) {
    return checkAll(List.of(file)).getFirst();
  }

  /** Checks several files with one Node process; the reports come in the order of the files. */
  public static List<AslReport> checkAll(List<Path> files) {
    NodeRuntime node = NodeRuntime.installed();
    List<String> command = new ArrayList<>(List.of(node.node().toString(), node.script("sfn-server/check-asl.mjs").toString()));
    files.forEach(file -> command.add(file.toAbsolutePath().normalize().toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(node.home().toFile())
        .redirectErrorStream(true);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("check-asl.mjs did not finish within 60 s");
      }
      List<AslReport> reports = new ArrayList<>();
      for (String line : output.lines().filter(l -> l.startsWith("{\"file\"")).toList()) {
        JsonNode report = JSON.readTree(line);
        reports.add(new AslReport(Path.of(report.path("file").asText()), report.path("valid").asBoolean(false),
            strings(report.path("validatorErrors")), strings(report.path("unsupported"))));
      }
      if (reports.size() != files.size()) {
        throw new IllegalStateException("check-asl.mjs answered " + reports.size() + " reports for " + files.size()
            + " files (exit " + process.exitValue() + "):\n" + output);
      }
      return reports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run check-asl.mjs", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + files, e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }
}
