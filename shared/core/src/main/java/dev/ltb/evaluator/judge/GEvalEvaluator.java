package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code g-eval}: G-Eval (Liu et al., 2023, "NLG Evaluation using GPT-4 with Better Human
 * Alignment") as promptfoo runs it ({@code matchesGEval} in src/matchers.ts, prompts {@code
 * GEVAL_PROMPT_STEPS} and {@code GEVAL_PROMPT_EVALUATE} in src/prompts/grading.ts): the judge first
 * turns the criteria into evaluation steps, then scores the reply to the prompt from 0 to 10
 * following them; the score is that number / 10. A list of criteria is scored one by one and
 * averaged. Like promptfoo, the judge states the score (the paper weights score tokens by their
 * probabilities, which not every provider reports). The prompts are ours.
 */
public final class GEvalEvaluator extends ModelGradedEvaluator {

  static final int MAX_SCORE = 10;

  static final String STEPS_SHAPE = "{\"steps\": [...]}";
  static final String SCORE_SHAPE = "{\"score\": 0-10, \"reason\": ...}";

  public GEvalEvaluator(Judges judges) {
    super(
        judges,
        new EvaluatorDescriptor(
            "g-eval",
            "1",
            "G-Eval: a judge derives evaluation steps from criteria, then scores the reply 0-10 (divided by 10)",
            "the criteria (string), or a list of criteria (scores averaged)",
            true,
            0.7,
            true));
  }

  static String stepsPrompt(String criteria) {
    return """
        Below are criteria for judging a text. Write 3 or 4 short evaluation steps that apply them to any text.

        Criteria:
        %s

        Answer with one minified JSON object and nothing else: {"steps": ["<step>", "<step>", ...]}"""
        .formatted(criteria);
  }

  static String scorePrompt(String criteria, List<String> steps, String input, String output) {
    return """
        Rate the Reply to the Prompt below on one metric, by the criteria and following the evaluation steps.

        Criteria:
        %s

        Evaluation steps:
        - %s

        Prompt:
        %s

        Reply:
        %s

        Give a score from 0 to %d (%d: the reply fully meets the criteria; 0: it does not meet them at all) and a \
        short reason that points at the prompt and the reply without repeating the score. Answer with one minified \
        JSON object and nothing else: {"score": <0-%d>, "reason": "<why>"}"""
        .formatted(
            criteria, String.join("\n- ", steps), input, output, MAX_SCORE, MAX_SCORE, MAX_SCORE);
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    List<String> criteria = criteria(assertion);
    double threshold = threshold(assertion);
    JudgeSession judge = judges.open(assertion, context);
    double sum = 0;
    List<String> reasons = new ArrayList<>();
    for (String criterion : criteria) {
      List<String> steps = steps(judge, criterion);
      String reply =
          judge.ask(null, scorePrompt(criterion, steps, context.prompt(), context.output()));
      ObjectNode verdict = judge.verdict(reply, SCORE_SHAPE);
      double score =
          JudgeReplies.number(verdict.get("score"))
              .filter(value -> value >= 0 && value <= MAX_SCORE)
              .orElseThrow(
                  () -> judge.malformed(reply, "gives no \"score\" from 0 to " + MAX_SCORE));
      sum += score / MAX_SCORE;
      String reason = JudgeReplies.text(verdict.get("reason")).orElse("(no reason given)");
      reasons.add(
          criteria.size() == 1
              ? reason
              : AssertionValues.numberText(score)
                  + "/"
                  + MAX_SCORE
                  + " for \""
                  + criterion
                  + "\": "
                  + reason);
    }
    double score = sum / criteria.size();
    return judge.result(
        score + TOLERANCE >= threshold,
        score,
        "score " + versus(score, threshold) + ": " + String.join(" | ", reasons));
  }

  private static List<String> steps(JudgeSession judge, String criterion) {
    String reply = judge.ask(null, stepsPrompt(criterion));
    JsonNode steps = judge.verdict(reply, STEPS_SHAPE).path("steps");
    List<String> texts = new ArrayList<>();
    steps.forEach(step -> JudgeReplies.text(step).ifPresent(texts::add));
    if (!steps.isArray() || texts.isEmpty())
      throw judge.malformed(reply, "lists no evaluation \"steps\"");
    return texts;
  }

  private static List<String> criteria(Assertion assertion) {
    JsonNode value = assertion.value();
    if (value != null && value.isArray()) {
      List<String> criteria = new ArrayList<>();
      for (JsonNode item : value) {
        if (!item.isTextual() || item.textValue().isBlank())
          throw new EvaluationException(
              "g-eval needs criteria as text, but a list item is "
                  + AssertionValues.describe(item));
        criteria.add(item.textValue());
      }
      if (criteria.isEmpty()) throw new EvaluationException("g-eval needs at least one criterion");
      return criteria;
    }
    return List.of(AssertionValues.text(assertion));
  }
}
