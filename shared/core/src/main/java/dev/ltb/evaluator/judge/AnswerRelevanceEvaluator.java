package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.Reasons;
import dev.ltb.evaluator.similarity.SimilarityMetric;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code answer-relevance}: RAGAS answer relevancy (Es et al., 2023; promptfoo's {@code
 * matchesAnswerRelevance} in src/matchers.ts with {@code ANSWER_RELEVANCY_GENERATE} from
 * src/prompts/external/ragas.ts): the judge writes questions that the output answers, and the score
 * is the mean cosine similarity between their embeddings and the embedding of the user's question
 * (the {@code query} var, else the prompt). An answer that drifts from the question yields
 * questions unlike it. The judge writes the three questions in one call (promptfoo makes three
 * identical calls, pointless at temperature 0).
 */
public final class AnswerRelevanceEvaluator extends ModelGradedEvaluator {

  static final int QUESTIONS = 3;
  static final String SHAPE = "{\"questions\": [...]}";

  public AnswerRelevanceEvaluator(Judges judges) {
    super(
        judges,
        new EvaluatorDescriptor(
            "answer-relevance",
            "1",
            "Mean embedding similarity between the question and questions a judge infers from the answer (RAGAS)",
            "none (the question is the query var, else the prompt)",
            false,
            0.7,
            true));
  }

  static String prompt(String answer) {
    return """
        Write %d different questions to which the answer below would be a complete and direct reply.

        Answer:
        %s

        Answer with one JSON object and nothing else: {"questions": ["<question>", "<question>", "<question>"]}"""
        .formatted(QUESTIONS, answer);
  }

  @Override
  public List<String> graders(Assertion assertion, TestCase test) {
    ProviderSpec embedder = judges.embedderFor(assertion, false);
    return List.of(
        Judges.describe(judges.graderFor(assertion, test)),
        embedder == null ? judges.describeDefaultEmbedder() : Judges.describe(embedder));
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    String query = stringVar(context, "query");
    if (query == null) query = context.prompt();
    double threshold = threshold(assertion);
    JudgeSession judge = judges.open(assertion, context);
    String reply = judge.ask(null, prompt(context.output()));
    JsonNode listed = judge.verdict(reply, SHAPE).path("questions");
    List<String> questions = new ArrayList<>();
    listed.forEach(question -> JudgeReplies.text(question).ifPresent(questions::add));
    if (questions.isEmpty()) throw judge.malformed(reply, "lists no \"questions\"");

    float[] asked = judge.embed(query);
    double sum = 0;
    for (String question : questions)
      sum += SimilarityMetric.COSINE.between(asked, judge.embed(question));
    double relevance = sum / questions.size();
    return judge.result(
        relevance + TOLERANCE >= threshold,
        relevance,
        "relevance "
            + versus(relevance, threshold)
            + "; the answer fits the questions "
            + Reasons.quoteAll(questions));
  }
}
