package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The judge calls of one assertion: asks the judge (or the embedding model), adds up what that
 * costs and fails the assertion once the cost passes its cap, and turns what the evaluator
 * concluded into a result carrying the judge's tokens. Not thread-safe: one evaluation uses it,
 * then drops it.
 */
public final class JudgeSession {

  private final Judges judges;
  private final Assertion assertion;
  private final TestCase test;
  private final double maxCostUsd;
  private final boolean providerIsEmbedder;
  private TokenUsage tokens = TokenUsage.NONE;
  private double costUsd;

  JudgeSession(
      Judges judges,
      Assertion assertion,
      TestCase test,
      double maxCostUsd,
      boolean providerIsEmbedder) {
    this.judges = judges;
    this.assertion = assertion;
    this.test = test;
    this.maxCostUsd = maxCostUsd;
    this.providerIsEmbedder = providerIsEmbedder;
  }

  /**
   * Asks the judge: a system message (left out when null) and a user message; returns its reply.
   *
   * @throws EvaluationException when the judge cannot be reached or called, or the cost cap is
   *     passed
   */
  public String ask(String system, String user) {
    List<ChatMessage> messages = new ArrayList<>();
    if (system != null) messages.add(ChatMessage.system(system));
    messages.add(ChatMessage.user(user));
    Judges.ChosenGrader grader = judges.chosenGrader(assertion, test);
    JudgeReply reply;
    try {
      reply = judges.ask(grader, assertion.type(), messages);
    } catch (ProviderException e) {
      throw failure("the judge " + grader.spec().id() + " failed: " + e.getMessage());
    }
    spend(reply.usage(), reply.costUsd());
    return reply.text();
  }

  /**
   * The embedding of a text, from the assertion's embedding model.
   *
   * @throws EvaluationException when the model cannot be reached or called, or the cost cap is
   *     passed
   */
  public float[] embed(String text) {
    if (text.isBlank()) throw failure("cannot embed an empty text");
    Embedding embedding;
    try {
      embedding = judges.embed(assertion, providerIsEmbedder, assertion.type(), text);
    } catch (ProviderException e) {
      throw failure("the embedding model failed: " + e.getMessage());
    }
    spend(embedding.usage(), null);
    return embedding.vector();
  }

  /**
   * The JSON object in a judge's reply.
   *
   * @param expected the verdict's shape, for the failure message ({@code {"reason": ..., "pass":
   *     ...}})
   * @throws EvaluationException naming the expected shape and quoting the start of the reply
   */
  public ObjectNode verdict(String reply, String expected) {
    return JudgeReplies.firstObject(reply)
        .orElseThrow(() -> malformed(reply, "holds no JSON object " + expected));
  }

  /**
   * The failure for a reply that is not the verdict asked for: says what was wrong and quotes the
   * reply.
   */
  public EvaluationException malformed(String reply, String problem) {
    return failure("the judge's reply " + problem + "; it answered " + JudgeReplies.excerpt(reply));
  }

  /** An evaluation failure that still counts the judge's tokens spent so far. */
  public EvaluationException failure(String message) {
    return new EvaluationException(message, tokens, costUsd);
  }

  public EvaluationResult result(boolean pass, double score, String reason) {
    return result(pass, score, reason, Map.of());
  }

  public EvaluationResult result(
      boolean pass, double score, String reason, Map<String, Double> namedScores) {
    return new EvaluationResult(pass, Math.min(1, Math.max(0, score)), reason, namedScores, tokens, costUsd);
  }

  /** Tokens the judge spent on this assertion so far. */
  public TokenUsage tokens() {
    return tokens;
  }

  /** What the judge's calls for this assertion cost so far, in USD (calls without a price add nothing). */
  public double costUsd() {
    return costUsd;
  }

  private void spend(TokenUsage usage, Double cost) {
    tokens = tokens.plus(usage);
    if (cost == null)
      return; // a grader without a price cannot be capped; docs/evaluators.md says so
    costUsd += cost;
    if (costUsd > maxCostUsd) {
      throw failure(
          "the judge's calls for this assertion cost $"
              + usd(costUsd)
              + ", more than its cap of $"
              + usd(maxCostUsd)
              + "; raise config."
              + Judges.MAX_COST_KEY
              + " or choose a cheaper grader");
    }
  }

  private static String usd(double amount) {
    return AssertionValues.numberText(Math.round(amount * 1e6) / 1e6);
  }
}
