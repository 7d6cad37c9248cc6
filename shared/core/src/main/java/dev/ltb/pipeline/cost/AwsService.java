package dev.ltb.pipeline.cost;

/** The services whose use {@link InfrastructureCostModel} prices. */
public enum AwsService {
  STEP_FUNCTIONS,
  LAMBDA,
  SQS,
  DYNAMODB,
  S3
}
