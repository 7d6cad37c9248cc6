package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.List;

/**
 * {@code context-recall}: RAGAS context recall (promptfoo's {@code matchesContextRecall} in
 * src/matchers.ts, {@code CONTEXT_RECALL} in src/prompts/external/ragas.ts): the share of the
 * reference answer's sentences (the value) that can be attributed to the retrieved context (the
 * {@code context} var, else the prompt), as the judge classifies them. Did retrieval find what a
 * right answer needs? We split the reference into sentences and send them numbered, so the score's
 * denominator is ours, not the length of the judge's reply.
 */
public final class ContextRecallEvaluator extends ModelGradedEvaluator {

  static final String SHAPE =
      "{\"sentences\": [{\"sentence\": 1, \"reason\": ..., \"attributed\": true}, ...]}";

  public ContextRecallEvaluator(Judges judges) {
    super(
        judges,
        new EvaluatorDescriptor(
            "context-recall",
            "1",
            "Share of the reference answer's sentences a judge can attribute to the retrieved context (RAGAS)",
            "the reference answer (string); the context is the context var, else the prompt",
            true,
            0.5,
            true));
  }

  static String prompt(String context, List<String> sentences) {
    return """
        Below are a context and a reference answer split into numbered sentences. For each sentence, decide \
        whether it can be attributed to the context: the context states it or clearly implies it. Think each \
        one through before deciding.

        Context:
        %s

        Reference answer:
        %s

        Answer with one JSON object and nothing else, with one entry per sentence, in order: \
        {"sentences": [{"sentence": <number>, "reason": "<why>", "attributed": true or false}, ...]}"""
        .formatted(context, Sentences.numbered(sentences));
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    List<String> sentences = Sentences.split(AssertionValues.text(assertion));
    if (sentences.isEmpty())
      throw new EvaluationException("context-recall needs a reference answer with words in it");
    String retrieved = context(assertion, context, context.prompt());
    double threshold = threshold(assertion);
    JudgeSession judge = judges.open(assertion, context);

    String reply = judge.ask(null, prompt(retrieved, sentences));
    JsonNode list = judge.verdict(reply, SHAPE).path("sentences");
    List<NumberedVerdicts.Verdict> verdicts =
        NumberedVerdicts.read(
            judge, reply, list, sentences.size(), "sentence", "attributed", "sentence");
    long attributed = verdicts.stream().filter(NumberedVerdicts.Verdict::yes).count();

    double recall = (double) attributed / sentences.size();
    String reason =
        attributed
            + " of "
            + sentences.size()
            + " reference sentences can be attributed to the context (recall "
            + versus(recall, threshold)
            + ")"
            + (attributed == sentences.size()
                ? ""
                : "; not attributed: " + NumberedVerdicts.describe(sentences, verdicts, false));
    return judge.result(recall + TOLERANCE >= threshold, recall, reason);
  }
}
