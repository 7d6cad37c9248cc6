package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code context-relevance}: RAGAS context relevance (promptfoo's {@code matchesContextRelevance}
 * in src/matchers.ts, {@code CONTEXT_RELEVANCE} in src/prompts/external/ragas.ts): the share of the
 * retrieved context's sentences that are needed to answer the query, as the judge picks them. Was
 * what retrieval returned on topic? We send the context's sentences numbered and the judge answers
 * with their numbers, so the ratio cannot exceed 1 (promptfoo divides the judge's extracted lines
 * by the context's lines).
 */
public final class ContextRelevanceEvaluator extends ModelGradedEvaluator {

  static final String SHAPE = "{\"relevant\": [<sentence numbers>], \"reason\": ...}";

  public ContextRelevanceEvaluator(Judges judges) {
    super(
        judges,
        new EvaluatorDescriptor(
            "context-relevance",
            "1",
            "Share of the retrieved context's sentences a judge finds needed to answer the query (RAGAS)",
            "none (needs the vars query and context)",
            false,
            0.5,
            true));
  }

  static String prompt(String query, List<String> sentences) {
    return """
        Below are a query and a context split into numbered sentences. Pick the sentences that are needed to \
        answer the query. Pick none when no sentence is, or when the query cannot be answered from the context.

        Query: %s

        Context:
        %s

        Answer with one JSON object and nothing else: {"relevant": [<numbers of the needed sentences>], \
        "reason": "<why>"}"""
        .formatted(query, Sentences.numbered(sentences));
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    String query = requiredQuery(assertion, context);
    List<String> sentences = Sentences.split(context(assertion, context, null));
    double threshold = threshold(assertion);
    JudgeSession judge = judges.open(assertion, context);

    String reply = judge.ask(null, prompt(query, sentences));
    ObjectNode verdict = judge.verdict(reply, SHAPE);
    JsonNode relevant = verdict.path("relevant");
    if (!relevant.isArray()) throw judge.malformed(reply, "lists no \"relevant\" sentence numbers");
    TreeSet<Integer> picked = new TreeSet<>();
    for (JsonNode item : relevant) {
      int number =
          JudgeReplies.number(item)
              .filter(n -> n == Math.rint(n))
              .map(Double::intValue)
              .orElseThrow(
                  () ->
                      judge.malformed(
                          reply, "lists " + item + " among the relevant sentences, not a number"));
      if (number < 1 || number > sentences.size())
        throw judge.malformed(
            reply, "picks sentence " + number + ", but the context has " + sentences.size());
      picked.add(number);
    }

    double relevance = (double) picked.size() / sentences.size();
    String why = JudgeReplies.text(verdict.get("reason")).map(text -> ": " + text).orElse("");
    String reason =
        picked.size()
            + " of "
            + sentences.size()
            + " context sentences are needed for the query (relevance "
            + versus(relevance, threshold)
            + ")"
            + why;
    return judge.result(relevance + TOLERANCE >= threshold, relevance, reason);
  }
}
