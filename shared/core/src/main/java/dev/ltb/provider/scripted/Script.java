package dev.ltb.provider.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.json.Json;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of a {@code scripted} provider, keyed by what they answer, and the rule that picks one for a
 * request (see {@link ScriptedProvider} for the format and the matching order).
 */
final class Script {

  static final String DEFAULT_KEY = "default";

  private final Map<String, Answer> answers;
  private final Answer fallback;

  private Script(Map<String, Answer> answers, Answer fallback) {
    this.answers = answers;
    this.fallback = fallback;
  }

  /**
   * One scripted answer.
   *
   * @param outputs the texts to choose from (one, or several for a model that varies)
   * @param finishReason overrides the provider's finish reason, or null
   * @param toolCalls tool calls the answer carries
   */
  record Answer(List<String> outputs, FinishReason finishReason, List<ToolCall> toolCalls) {}

  /** The answers from config {@code responses} (inline or {@code file://}) or config {@code file}. */
  static Script from(ProviderConfig config, Path baseDir) {
    JsonNode responses = config.node("responses").orElse(null);
    Optional<String> file = config.string("file");
    if (responses != null && file.isPresent())
      throw config.error("file", "cannot be combined with responses: give one of them");
    if (responses != null && responses.isTextual() && responses.asText().startsWith("file://"))
      return parse(config, "responses", read(config, "responses", baseDir, responses.asText().substring(7)));
    if (responses != null) return parse(config, "responses", responses);
    if (file.isPresent()) return parse(config, "file", read(config, "file", baseDir, file.get()));
    throw new ProviderConfigException(
        "provider " + config.providerId() + ": scripted needs its answers: config responses (a map such as"
            + " {\"capital of France\": Paris, default: \"I don't know\"}) or file: responses.yaml");
  }

  /**
   * The answer for a request: the value of var {@code matchVar} as a key, else the test's description as a
   * key, else the first key (in the order written) that occurs in the prompt, else {@code default}.
   */
  Optional<Answer> match(ProviderRequest request, String matchVar) {
    if (matchVar != null) {
      Object value = request.origin().vars().get(matchVar);
      Answer answer = value == null ? null : answers.get(String.valueOf(value));
      if (answer != null) return Optional.of(answer);
    }
    String description = request.origin().testDescription();
    if (description != null && answers.containsKey(description)) return Optional.of(answers.get(description));
    for (Map.Entry<String, Answer> entry : answers.entrySet()) {
      if (request.prompt().contains(entry.getKey())) return Optional.of(entry.getValue());
    }
    return Optional.ofNullable(fallback);
  }

  private static JsonNode read(ProviderConfig config, String key, Path baseDir, String location) {
    Path path = baseDir.resolve(location).normalize();
    try {
      String text = Files.readString(path);
      boolean json = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
      return (json ? Json.mapper() : Json.yaml()).readTree(text);
    } catch (java.nio.file.NoSuchFileException e) {
      throw config.error(key, "names " + path + ", which does not exist (paths are relative to the suite's folder)");
    } catch (IOException e) {
      throw config.error(key, "names " + path + ", which cannot be read as YAML or JSON: " + e.getMessage());
    }
  }

  private static Script parse(ProviderConfig config, String key, JsonNode node) {
    if (node == null || !node.isObject() || node.isEmpty())
      throw config.error(key, "must be a map from what to answer to the answer, e.g. {\"capital of France\": Paris}");
    Map<String, Answer> answers = new LinkedHashMap<>();
    Answer fallback = null;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      Answer answer = answer(config, key + "." + entry.getKey(), entry.getValue());
      if (entry.getKey().equals(DEFAULT_KEY)) fallback = answer;
      else answers.put(entry.getKey(), answer);
    }
    return new Script(answers, fallback);
  }

  private static Answer answer(ProviderConfig config, String where, JsonNode value) {
    if (value.isValueNode() && !value.isNull()) return new Answer(List.of(value.asText()), null, List.of());
    if (value.isArray()) return new Answer(texts(config, where, value), null, List.of());
    if (!value.isObject())
      throw config.error(where, "must be a text, a list of texts or {output, finishReason, toolCalls}");
    JsonNode output = value.path("output");
    List<String> outputs;
    if (output.isMissingNode() || output.isNull()) outputs = List.of("");
    else if (output.isArray()) outputs = texts(config, where, output);
    else outputs = List.of(output.asText());
    FinishReason finish = null;
    if (value.hasNonNull("finishReason")) {
      try {
        finish = FinishReason.fromId(value.get("finishReason").asText());
      } catch (IllegalArgumentException e) {
        throw config.error(where + ".finishReason", "must be one of stop, length, content-filter, tool-calls, error");
      }
    }
    List<ToolCall> toolCalls = new ArrayList<>();
    for (JsonNode call : value.path("toolCalls")) {
      if (!call.hasNonNull("name")) throw config.error(where + ".toolCalls", "needs a name for every call");
      JsonNode arguments = call.path("arguments");
      String json;
      if (arguments.isMissingNode() || arguments.isNull()) json = "{}";
      else json = arguments.isTextual() ? arguments.asText() : arguments.toString();
      String id = call.hasNonNull("id") ? call.get("id").asText() : "call_" + (toolCalls.size() + 1);
      toolCalls.add(new ToolCall(id, call.get("name").asText(), json));
    }
    return new Answer(outputs, finish, toolCalls);
  }

  private static List<String> texts(ProviderConfig config, String where, JsonNode array) {
    List<String> texts = new ArrayList<>();
    for (JsonNode element : array) {
      if (!element.isValueNode() || element.isNull()) throw config.error(where, "must list texts only");
      texts.add(element.asText());
    }
    if (texts.isEmpty()) throw config.error(where, "must list at least one text");
    return List.copyOf(texts);
  }
}
