package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.Optional;

/**
 * {@code llm-rubric}: a judge reads the output and a rubric and says whether the rubric holds, with
 * a score and its reasoning. Semantics of promptfoo's {@code matchesLlmRubric} (src/matchers.ts,
 * prompt {@code DEFAULT_GRADING_PROMPT} in src/prompts/grading.ts): the output passes when the
 * rubric's statement is true of it; with a {@code threshold}, the judge's score must also reach it.
 * The prompt below is ours, with the same verdict format {@code {"reason", "pass", "score"}}.
 */
public final class LlmRubricEvaluator extends ModelGradedEvaluator {

  static final String SYSTEM =
      """
      You grade an output against a rubric. The output passes when what the rubric states is true of it.
      Answer with one JSON object and nothing else: {"reason": string, "pass": boolean, "score": number}, \
      where score runs from 0.0 (the rubric does not hold at all) to 1.0 (it fully holds).

      Examples:

      <Output>Bonjour, comment allez-vous ?</Output>
      <Rubric>Is written in French</Rubric>
      {"reason": "the output is a French greeting", "pass": true, "score": 1.0}

      <Output>I cannot help with that.</Output>
      <Rubric>Answers the user's question</Rubric>
      {"reason": "the output declines instead of answering", "pass": false, "score": 0.0}""";

  static final String SHAPE = "{\"reason\": ..., \"pass\": ..., \"score\": ...}";

  public LlmRubricEvaluator(Judges judges) {
    super(
        judges,
        new EvaluatorDescriptor(
            "llm-rubric",
            "1",
            "A judge model decides whether the output meets a rubric, with a score and its reasoning",
            "the rubric (string; an object is sent as JSON)",
            true,
            null,
            true));
  }

  static String user(String output, String rubric) {
    return "<Output>\n" + output + "\n</Output>\n<Rubric>\n" + rubric + "\n</Rubric>";
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    String rubric = textOrJson(assertion);
    JudgeSession judge = judges.open(assertion, context);
    String reply = judge.ask(SYSTEM, user(context.output(), rubric));
    ObjectNode verdict = judge.verdict(reply, SHAPE);

    Optional<Boolean> pass =
        readable(judge, reply, verdict, "pass", JudgeReplies.bool(verdict.get("pass")));
    Optional<Double> score =
        readable(judge, reply, verdict, "score", JudgeReplies.number(verdict.get("score")));
    if (pass.isEmpty() && score.isEmpty())
      throw judge.malformed(reply, "gives neither \"pass\" nor \"score\"");
    if (score.isPresent() && (score.get() < 0 || score.get() > 1))
      throw judge.malformed(reply, "gives score " + score.get() + ", outside 0 to 1");

    Double threshold = assertion.threshold();
    double value = score.orElse(pass.orElse(false) ? 1.0 : 0.0);
    boolean verdictPass =
        pass.orElseGet(() -> value + TOLERANCE >= (threshold == null ? 0.5 : threshold));
    String reason =
        JudgeReplies.text(verdict.get("reason"))
            .orElse(verdictPass ? "the rubric holds" : "the rubric does not hold");
    if (threshold != null && verdictPass && value + TOLERANCE < threshold)
      return judge.result(false, value, "score " + versus(value, threshold) + ": " + reason);
    return judge.result(verdictPass, value, reason);
  }

  /** The field read, empty when absent; a field present but unreadable fails the verdict. */
  private static <T> Optional<T> readable(
      JudgeSession judge, String reply, ObjectNode verdict, String field, Optional<T> read) {
    JsonNode node = verdict.get(field);
    if (read.isEmpty() && node != null && !node.isNull())
      throw judge.malformed(
          reply,
          "gives \""
              + field
              + "\": "
              + node
              + ", which is not a "
              + (field.equals("pass") ? "boolean" : "number"));
    return read;
  }
}
