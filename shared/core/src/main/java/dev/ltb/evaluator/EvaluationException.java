package dev.ltb.evaluator;

import dev.ltb.provider.TokenUsage;
import java.util.Objects;

/**
 * An assertion could not be evaluated (bad regex, bad value shape, a judge that answered no verdict); it
 * fails with this message. A model-graded evaluator passes the tokens (and cost) its judge spent before it gave
 * up, so they are still counted.
 */
public class EvaluationException extends RuntimeException {

  private final TokenUsage judgeTokens;
  private final double judgeCostUsd;

  public EvaluationException(String message) {
    this(message, TokenUsage.NONE);
  }

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
    this.judgeTokens = TokenUsage.NONE;
    this.judgeCostUsd = 0;
  }

  public EvaluationException(String message, TokenUsage judgeTokens) {
    this(message, judgeTokens, 0);
  }

  public EvaluationException(String message, TokenUsage judgeTokens, double judgeCostUsd) {
    super(message);
    this.judgeTokens = Objects.requireNonNullElse(judgeTokens, TokenUsage.NONE);
    this.judgeCostUsd = judgeCostUsd;
  }

  /** Tokens a judge spent on the failed evaluation, {@link TokenUsage#NONE} for other evaluators. */
  public TokenUsage judgeTokens() {
    return judgeTokens;
  }

  /** What the judge's calls cost before the evaluation failed, in USD (0 for other evaluators). */
  public double judgeCostUsd() {
    return judgeCostUsd;
  }
}
