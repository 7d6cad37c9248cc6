package dev.ltb.aws.appsync;

/** AppSync refused a request, answered with GraphQL errors, or could not be reached. */
public final class AppSyncException extends RuntimeException {
  public AppSyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
