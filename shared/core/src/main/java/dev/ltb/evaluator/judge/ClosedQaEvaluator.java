package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.Optional;

/**
 * {@code model-graded-closedqa}: OpenAI evals' closed-QA grader
 * (evals/registry/modelgraded/closedqa.yaml), as promptfoo runs it ({@code matchesClosedQa} in
 * src/matchers.ts, {@code OPENAI_CLOSED_QA_PROMPT} in src/prompts/grading.ts): given the task (the
 * prompt), the submission (the output) and a criterion, the judge reasons step by step and answers
 * Y or N. Our prompt asks for that answer as JSON; a reply in the original format, whose last line
 * is a lone Y or N, is read too.
 */
public final class ClosedQaEvaluator extends ModelGradedEvaluator {

  static final String SHAPE = "{\"reason\": ..., \"answer\": \"Y\" or \"N\"}";

  public ClosedQaEvaluator(Judges judges) {
    super(
        judges,
        new EvaluatorDescriptor(
            "model-graded-closedqa",
            "1",
            "A judge decides (Y/N, reasoning first) whether the answer to the prompt meets a criterion",
            "the criterion (string)",
            true,
            null,
            true));
  }

  static String prompt(String task, String submission, String criterion) {
    return """
        You assess a submitted answer to a task against a criterion.
        [BEGIN DATA]
        ***
        [Task]: %s
        ***
        [Submission]: %s
        ***
        [Criterion]: %s
        ***
        [END DATA]
        Does the submission meet the criterion? Reason it out step by step first, so that your conclusion is \
        sound, without stating the answer at the outset. Then answer with one JSON object and nothing else: \
        {"reason": "<your step-by-step reasoning>", "answer": "Y" or "N"}"""
        .formatted(task, submission, criterion);
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    String criterion = AssertionValues.text(assertion);
    JudgeSession judge = judges.open(assertion, context);
    String reply = judge.ask(null, prompt(context.prompt(), context.output(), criterion));

    Optional<ObjectNode> verdict = JudgeReplies.firstObject(reply);
    Optional<Boolean> meets =
        verdict.flatMap(
            json -> JudgeReplies.text(json.get("answer")).flatMap(ClosedQaEvaluator::yesOrNo));
    String reason = verdict.flatMap(json -> JudgeReplies.text(json.get("reason"))).orElse(null);
    if (meets.isEmpty()) {
      meets = lastLine(reply).flatMap(ClosedQaEvaluator::yesOrNo);
      reason = reply.strip();
    }
    if (meets.isEmpty())
      throw judge.malformed(
          reply, "is neither " + SHAPE + " nor reasoning ending in a line with Y or N");
    String observed =
        meets.get()
            ? "the submission meets the criterion"
            : "the submission does not meet the criterion";
    return judge.result(
        meets.get(), meets.get() ? 1 : 0, reason == null ? observed : observed + ": " + reason);
  }

  private static Optional<Boolean> yesOrNo(String answer) {
    return switch (answer.strip().toUpperCase(java.util.Locale.ROOT)) {
      case "Y", "YES" -> Optional.of(true);
      case "N", "NO" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static Optional<String> lastLine(String reply) {
    List<String> lines =
        reply.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    return lines.isEmpty() ? Optional.empty() : Optional.of(lines.getLast());
  }
}
