package dev.ltb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.json.Json;
import dev.ltb.plugin.PluginException;
import dev.ltb.wasm.authoring.PluginTester;
import dev.ltb.wasm.authoring.PluginTrial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "test",
    description = {
      "Calls a built plugin once, under its limits, and prints its input, its output and what that means.",
      "Without options the plugin gets its kind's sample input (docs/plugins.md); the options replace fields of it.",
      "Exit 0 when the call worked (and an evaluator or scorer passed), 1 when it returned a fail,",
      "2 when the plugin cannot be loaded or an option is not valid JSON, 3 when the call failed."
    },
    mixinStandardHelpOptions = true)
final class PluginTestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLUGIN", description = "A plugin folder (its dist/), a plugin.json, or a .wasm with plugin.json beside it.")
  Path plugin;

  @Option(
      names = "--input",
      paramLabel = "JSON",
      description = "Fields of the plugin's input as a JSON object, or @FILE to read them from a file.")
  String input;

  @Option(names = "--output", paramLabel = "TEXT", description = "The output under test (the input's \"output\").")
  String output;

  @Option(
      names = "--expected",
      paramLabel = "VALUE",
      description = "An evaluator's expected value (an assertion's value): JSON, or else a string.")
  String expected;

  @Option(names = "--config", paramLabel = "JSON", description = "The use's config, a JSON object.")
  String config;

  private final Services services = new Services();

  @Override
  public Integer call() {
    ObjectNode fields = fields();
    PluginTrial trial;
    try {
      trial = new PluginTester(services.pluginRuntime()).test(plugin, fields);
    } catch (PluginException e) {
      throw new UserInputException("Cannot load " + plugin + ": " + e.getMessage());
    }
    var out = spec.commandLine().getOut();
    out.println("input    " + Json.write(trial.input()));
    out.println("output   " + (trial.output() == null ? "(none)" : Json.write(trial.output())));
    return switch (trial.outcome()) {
      case CALLED -> {
        out.println("verdict  " + trial.verdict());
        yield trial.passed() ? ExitCodes.OK : ExitCodes.TESTS_FAILED;
      }
      case PLUGIN_ERROR, FAILED -> {
        out.println("failed   " + trial.verdict());
        yield ExitCodes.RUN_FAILED;
      }
    };
  }

  private ObjectNode fields() {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    if (input != null) {
      JsonNode given = json("--input", input.startsWith("@") ? read(input.substring(1)) : input);
      if (!given.isObject()) throw new UserInputException("--input must be a JSON object, e.g. {\"output\": \"...\"}");
      fields.setAll((ObjectNode) given);
    }
    if (output != null) fields.put("output", output);
    if (expected != null) fields.set("expected", jsonOrText(expected));
    if (config != null) {
      JsonNode given = json("--config", config);
      if (!given.isObject()) throw new UserInputException("--config must be a JSON object, e.g. {\"ignoreCase\": true}");
      fields.set("config", given);
    }
    return fields;
  }

  private static JsonNode json(String option, String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UserInputException(option + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static JsonNode jsonOrText(String text) {
    try {
      JsonNode value = Json.mapper().readTree(text);
      return value == null || value.isMissingNode() ? TextNode.valueOf(text) : value;
    } catch (IOException notJson) {
      return TextNode.valueOf(text);
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UserInputException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
