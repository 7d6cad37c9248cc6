package dev.ltb.pipeline.cost;

import java.util.EnumMap;
import java.util.Map;

/**
 * Prices a distributed run: per run, each service's usage times its list price; per item, that divided by
 * the run's items. Pure arithmetic, so the figures in docs/aws-adapters.md can be recomputed from measured
 * worker durations.
 */
public final class InfrastructureCostModel {

  private static final double MB_PER_GB = 1_024;

  private InfrastructureCostModel() {}

  public static InfrastructureCost estimate(PipelineWorkload workload, AwsPriceList prices) {
    long shards = workload.shardsPerRun();
    long items = workload.itemsPerRun();
    Map<AwsService, Double> perRun = new EnumMap<>(AwsService.class);

    perRun.put(
        AwsService.STEP_FUNCTIONS,
        (shards * workload.stateTransitionsPerShard() + workload.stateTransitionsPerRun())
            * prices.perStateTransition());

    double gbSeconds =
        shards * workload.workerSecondsPerShard() * workload.workerMemoryMb() / MB_PER_GB
            + workload.stepSecondsPerRun() * workload.stepMemoryMb() / MB_PER_GB;
    double invocations = shards + workload.stepInvocationsPerRun();
    perRun.put(AwsService.LAMBDA, gbSeconds * prices.perLambdaGbSecond() + invocations * prices.perLambdaRequest());

    perRun.put(AwsService.SQS, shards * workload.sqsRequestsPerShard() * prices.perSqsRequest());

    double writeUnits = items * workload.dynamoDbWriteUnitsPerItem() + shards * workload.dynamoDbWriteUnitsPerShard();
    double readUnits = items * workload.dynamoDbReadUnitsPerItem();
    perRun.put(
        AwsService.DYNAMODB, writeUnits * prices.perDynamoDbWriteUnit() + readUnits * prices.perDynamoDbReadUnit());

    perRun.put(
        AwsService.S3,
        workload.s3PutsPerRun() * prices.perS3PutRequest()
            + (shards * workload.s3GetsPerShard() + workload.s3GetsPerRun()) * prices.perS3GetRequest());

    return new InfrastructureCost(workload, prices, perRun);
  }
}
