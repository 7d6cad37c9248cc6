package dev.ltb.evaluator;

/** An assertion could not be evaluated (bad regex, bad value shape); it fails with this message. */
public class EvaluationException extends RuntimeException {
  public EvaluationException(String message) {
    super(message);
  }

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }
}
