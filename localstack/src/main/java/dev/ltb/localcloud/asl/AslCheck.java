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
    NodeRuntime node = NodeRuntime.installed();
    Path absolute = file.toAbsolutePath().normalize();
    ProcessBuilder builder = new ProcessBuilder(
            node.node().toString(), node.script("sfn-server/check-asl.mjs").toString(), absolute.toString())
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
      JsonNode report;
      try {
        report = JSON.readTree(output.lines().reduce((a, b) -> b).orElse(""));
      } catch (IOException e) {
        throw new IllegalStateException("check-asl.mjs answered no report (exit " + process.exitValue() + "):\n"
            + output, e);
      }
      return new AslReport(absolute, report.path("valid").asBoolean(false),
          strings(report.path("validatorErrors")), strings(report.path("unsupported")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run check-asl.mjs", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + file, e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }
}
