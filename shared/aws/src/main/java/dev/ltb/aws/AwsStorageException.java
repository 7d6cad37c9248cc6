package dev.ltb.aws;

/**
 * DynamoDB or S3 could not do what an adapter asked, or gave back data that cannot be read. The message says
 * which table, bucket or key and what to check; the SDK's exception is the cause.
 */
public final class AwsStorageException extends RuntimeException {
  public AwsStorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public AwsStorageException(String message) {
    super(message);
  }
}
