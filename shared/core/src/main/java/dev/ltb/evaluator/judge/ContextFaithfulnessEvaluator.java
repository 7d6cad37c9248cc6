package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code context-faithfulness}: RAGAS faithfulness (promptfoo's {@code matchesContextFaithfulness}
 * in src/matchers.ts, prompts {@code CONTEXT_FAITHFULNESS_LONGFORM} and {@code
 * CONTEXT_FAITHFULNESS_NLI_STATEMENTS} in src/prompts/external/ragas.ts): the judge breaks the
 * output into statements, then decides for each whether the retrieved context (the {@code context}
 * var) supports it; the score is the share supported. The verdicts are JSON, one per numbered
 * statement, instead of RAGAS' free-text "Verdict: Yes." lines.
 */
public final class ContextFaithfulnessEvaluator extends ModelGradedEvaluator {

  static final String STATEMENTS_SHAPE = "{\"statements\": [...]}";
  static final String VERDICTS_SHAPE =
      "{\"verdicts\": [{\"statement\": 1, \"reason\": ..., \"verdict\": \"yes\"}, ...]}";

  public ContextFaithfulnessEvaluator(Judges judges) {
    super(
        judges,
        new EvaluatorDescriptor(
            "context-faithfulness",
            "1",
            "Share of the output's statements that the retrieved context supports, as a judge finds (RAGAS)",
            "none (needs the vars query and context)",
            false,
            0.5,
            true));
  }

  static String statementsPrompt(String question, String answer) {
    return """
        Break the answer to the question below into short statements that each make one claim and stand on \
        their own (replace pronouns by what they refer to).

        Question: %s
        Answer: %s

        Answer with one JSON object and nothing else: {"statements": ["<statement>", ...]}"""
        .formatted(question, answer);
  }

  static String verdictsPrompt(String context, List<String> statements) {
    return """
        Decide for each statement whether the context supports it: "yes" when the statement can be inferred \
        from the context, "no" otherwise. Explain each verdict in a sentence.

        Context:
        %s

        Statements:
        %s

        Answer with one JSON object and nothing else, with one verdict per statement, in order: \
        {"verdicts": [{"statement": <number>, "reason": "<why>", "verdict": "yes" or "no"}, ...]}"""
        .formatted(context, Sentences.numbered(statements));
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    String query = requiredQuery(assertion, context);
    String retrieved = context(assertion, context, null);
    double threshold = threshold(assertion);
    JudgeSession judge = judges.open(assertion, context);

    String reply = judge.ask(null, statementsPrompt(query, context.output()));
    List<String> statements = new ArrayList<>();
    judge
        .verdict(reply, STATEMENTS_SHAPE)
        .path("statements")
        .forEach(s -> JudgeReplies.text(s).ifPresent(statements::add));
    if (statements.isEmpty())
      throw judge.failure(
          "the judge found no statements in the output to check; it answered "
              + JudgeReplies.excerpt(reply));

    String verdictReply = judge.ask(null, verdictsPrompt(retrieved, statements));
    JsonNode verdicts = judge.verdict(verdictReply, VERDICTS_SHAPE).path("verdicts");
    List<NumberedVerdicts.Verdict> supported =
        NumberedVerdicts.read(
            judge, verdictReply, verdicts, statements.size(), "statement", "verdict", "statement");
    long yes = supported.stream().filter(NumberedVerdicts.Verdict::yes).count();

    double faithfulness = (double) yes / statements.size();
    String reason =
        yes
            + " of "
            + statements.size()
            + " statements are supported by the context (faithfulness "
            + versus(faithfulness, threshold)
            + ")"
            + (yes == statements.size()
                ? ""
                : "; unsupported: " + NumberedVerdicts.describe(statements, supported, false));
    return judge.result(faithfulness + TOLERANCE >= threshold, faithfulness, reason);
  }
}
