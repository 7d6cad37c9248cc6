package dev.ltb.pipeline;

/**
 * The run's suite cannot run (missing, malformed, invalid, too large to distribute). The message is the
 * validator's, one {@code file:line:column: field: message} per problem; the run is already FAILED with it.
 * Its class name is the error the state machine sees.
 */
public class SuiteRejectedException extends RuntimeException {
  public SuiteRejectedException(String message) {
    super(message);
  }
}
