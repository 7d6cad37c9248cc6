package dev.ltb.aws;

/** The AWS adapters are set up wrongly (a missing variable, a bad value): fix the deployment, do not retry. */
public final class AwsConfigurationException extends RuntimeException {
  public AwsConfigurationException(String message) {
    super(message);
  }
}
