package dev.ltb.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The repository's state machine file and docs, as the tests read them. */
final class StateMachineFiles {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path BENCHMARK_RUN = ROOT.resolve("statemachines/benchmark-run.asl.json");

  private StateMachineFiles() {}

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode definition(Path file) {
    try {
      return Json.mapper().readTree(text(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every state name, those inside Map iterators included. */
  static List<String> stateNames(JsonNode definition) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> state : definition.get("States").properties()) {
      names.add(state.getKey());
      JsonNode processor = state.getValue().has("ItemProcessor") ? state.getValue().get("ItemProcessor") : state.getValue().get("Iterator");
      if (processor != null) names.addAll(stateNames(processor));
    }
    return names;
  }
}
