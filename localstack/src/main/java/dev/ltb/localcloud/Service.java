package dev.ltb.localcloud;

/**
 * The AWS services the local cloud can emulate, with the names the AWS SDKs use for their standard endpoint
 * configuration ({@code AWS_ENDPOINT_URL_<SERVICE>} and the Java SDK's {@code aws.endpointUrl<Service>}).
 */
public enum Service {
  /** ElasticMQ, in the JVM. */
  SQS("SQS", "Sqs"),
  /** S3Proxy with a transient (in-memory) store, in the JVM. */
  S3("S3", "S3"),
  /** dynalite, in memory, as a Node child process. */
  DYNAMODB("DYNAMODB", "DynamoDb"),
  /** The Step Functions API server around aws-local-stepfunctions, as a Node child process. */
  STEP_FUNCTIONS("SFN", "Sfn"),
  /** The Lambda Invoke API endpoint dispatching to Java handlers, in the JVM. */
  LAMBDA("LAMBDA", "Lambda");

  private final String environmentSuffix;
  private final String systemPropertySuffix;

  Service(String environmentSuffix, String systemPropertySuffix) {
    this.environmentSuffix = environmentSuffix;
    this.systemPropertySuffix = systemPropertySuffix;
  }

  /** {@code AWS_ENDPOINT_URL_SQS}, ... : read by every AWS SDK (Java, JavaScript, CLI). */
  public String endpointEnvironmentVariable() {
    return "AWS_ENDPOINT_URL_" + environmentSuffix;
  }

  /** {@code aws.endpointUrlSqs}, ... : the Java SDK v2's system property for the same setting. */
  public String endpointSystemProperty() {
    return "aws.endpointUrl" + systemPropertySuffix;
  }
}
