package dev.ltb.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.TokenUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads what plugins return, naming the plugin and the field when it is not the documented shape. */
final class PluginOutputs {

  private PluginOutputs() {}

  /**
   * A verdict: {@code {"pass": bool, "score": 0..1, "reason": "...", "namedScores": {...}}}, what evaluators and
   * scorers return.
   */
  static EvaluationResult verdict(String id, JsonNode output) {
    if (output == null || !output.isObject())
      throw malformed(id, "output must be a JSON object like {\"pass\": true, \"score\": 1, \"reason\": \"...\"}");
    JsonNode pass = output.get("pass");
    if (pass == null || !pass.isBoolean()) throw malformed(id, "\"pass\" must be true or false");
    JsonNode scoreNode = output.get("score");
    double score;
    if (scoreNode == null || scoreNode.isNull()) {
      score = pass.booleanValue() ? 1 : 0;
    } else if (scoreNode.isNumber() && scoreNode.doubleValue() >= 0 && scoreNode.doubleValue() <= 1) {
      score = scoreNode.doubleValue();
    } else {
      throw malformed(id, "\"score\" must be a number within [0, 1], was " + scoreNode);
    }
    JsonNode reasonNode = output.get("reason");
    String reason;
    if (reasonNode == null || reasonNode.isNull()) {
      reason = id + " returned " + (pass.booleanValue() ? "pass" : "fail");
    } else if (reasonNode.isTextual()) {
      reason = reasonNode.textValue();
    } else {
      throw malformed(id, "\"reason\" must be a string");
    }
    return new EvaluationResult(
        pass.booleanValue(), score, reason, namedScores(id, output.get("namedScores")), TokenUsage.NONE);
  }

  static Map<String, Double> namedScores(String id, JsonNode node) {
    if (node == null || node.isNull()) return Map.of();
    if (!node.isObject()) throw malformed(id, "\"namedScores\" must be an object of numbers");
    Map<String, Double> scores = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isNumber())
        throw malformed(id, "\"namedScores\"." + entry.getKey() + " must be a number, was " + entry.getValue());
      scores.put(entry.getKey(), entry.getValue().doubleValue());
    }
    return scores;
  }

  static EvaluationException malformed(String id, String problem) {
    return new EvaluationException(
        id + ": malformed output: " + problem, new PluginException.MalformedOutput(problem, null));
  }
}
