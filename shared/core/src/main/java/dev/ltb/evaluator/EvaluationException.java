package dev.ltb.evaluator;

import dev.ltb.provider.TokenUsage;
import java.util.Objects;

/**
 * An assertion could not be evaluated (bad regex, bad value shape, a judge that answered no verdict); it
 * fails with this message. A model-graded evaluator passes the tokens its judge spent before it gave up, so
 * they are still counted.
 */
public class EvaluationException extends RuntimeException {

  private final TokenUsage judgeTokens;

  public EvaluationException(String message) {
    this(message, TokenUsage.NONE);
  }

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
    this.judgeTokens = TokenUsage.NONE;
  }

  public EvaluationException(String message, TokenUsage judgeTokens) {
    super(message);
    this.judgeTokens = Objects.requireNonNullElse(judgeTokens, TokenUsage.NONE);
  }

  /** Tokens a judge spent on the failed evaluation, {@link TokenUsage#NONE} for other evaluators. */
  public TokenUsage judgeTokens() {
    return judgeTokens;
  }
}
