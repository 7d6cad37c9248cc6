package dev.ltb.engine;

/** Results could not be stored; the run stops rather than lose them. */
public class ResultStorageException extends RuntimeException {
  public ResultStorageException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
