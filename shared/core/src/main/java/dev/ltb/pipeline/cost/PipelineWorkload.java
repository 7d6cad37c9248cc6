package dev.ltb.pipeline.cost;

/**
 * What one distributed run consumes, the input of {@link InfrastructureCostModel}. One worker invocation per
 * shard (SQS batch size 1: a shard is a long task of its own).
 *
 * @param itemsPerRun work items of a run (per-run costs are shared among them)
 * @param itemsPerShard work items of a shard
 * @param workerSecondsPerShard billed duration of the worker Lambda for one shard
 * @param workerMemoryMb the worker's configured memory
 * @param stepSecondsPerRun billed duration of the run's other Lambdas together (plan, aggregate, notify)
 * @param stepMemoryMb their configured memory
 * @param stepInvocationsPerRun how many times they are invoked per run
 * @param stateTransitionsPerShard Step Functions transitions of one Map iteration (incl. retries)
 * @param stateTransitionsPerRun transitions outside the Map iterations (plan, map, aggregate, notify, ...)
 * @param sqsRequestsPerShard send, receive and delete of the shard message (and its redeliveries)
 * @param dynamoDbWriteUnitsPerItem write units of storing one result (1 per started KB of item)
 * @param dynamoDbReadUnitsPerItem read units of reading it back (aggregation, redelivery checks)
 * @param dynamoDbWriteUnitsPerShard writes per shard besides results (progress events)
 * @param s3GetsPerShard S3 reads per shard (the worker reads the run's suite)
 * @param s3PutsPerRun S3 writes per run (suite, summary, report)
 * @param s3GetsPerRun S3 reads per run outside the shards (plan, aggregate)
 */
public record PipelineWorkload(
    long itemsPerRun,
    int itemsPerShard,
    double workerSecondsPerShard,
    int workerMemoryMb,
    double stepSecondsPerRun,
    int stepMemoryMb,
    int stepInvocationsPerRun,
    double stateTransitionsPerShard,
    double stateTransitionsPerRun,
    double sqsRequestsPerShard,
    double dynamoDbWriteUnitsPerItem,
    double dynamoDbReadUnitsPerItem,
    double dynamoDbWriteUnitsPerShard,
    double s3GetsPerShard,
    double s3PutsPerRun,
    double s3GetsPerRun) {

  /**
   * Planning figures until measured ones replace them (docs/aws-adapters.md says which were measured): runs of
   * 2,000 items in shards of 50 (the suite default); a 512 MB worker busy 8 s per shard (50 items, provider
   * calls overlapping); plan + aggregate + notify 7.5 s at 1,024 MB; 2 transitions per Map iteration and 8
   * per run; send, receive and delete per shard message; 3 write units per result (items of 2-3 KB), 1 read
   * unit per result; 1 progress event per shard; the suite read once per shard; 3 S3 writes and 2 reads per
   * run.
   */
  public static PipelineWorkload planningDefaults() {
    return new PipelineWorkload(2_000, 50, 8.0, 512, 7.5, 1_024, 3, 2, 8, 3, 3, 1, 1, 1, 3, 2);
  }

  public PipelineWorkload {
    if (itemsPerRun < 1) throw new IllegalArgumentException("itemsPerRun must be >= 1, was " + itemsPerRun);
    if (itemsPerShard < 1) throw new IllegalArgumentException("itemsPerShard must be >= 1, was " + itemsPerShard);
    if (workerMemoryMb < 128 || stepMemoryMb < 128)
      throw new IllegalArgumentException("Lambda memory is at least 128 MB");
    if (stepInvocationsPerRun < 0) throw new IllegalArgumentException("stepInvocationsPerRun must be >= 0");
    for (double amount :
        new double[] {
          workerSecondsPerShard, stepSecondsPerRun, stateTransitionsPerShard, stateTransitionsPerRun,
          sqsRequestsPerShard, dynamoDbWriteUnitsPerItem, dynamoDbReadUnitsPerItem, dynamoDbWriteUnitsPerShard,
          s3GetsPerShard, s3PutsPerRun, s3GetsPerRun
        }) {
      if (!(amount >= 0) || Double.isInfinite(amount))
        throw new IllegalArgumentException("usage figures must be finite and >= 0, got " + amount);
    }
  }

  /** Shards of a run: the last one may be partly filled. */
  public long shardsPerRun() {
    return (itemsPerRun + itemsPerShard - 1) / itemsPerShard;
  }

  public PipelineWorkload withWorker(double secondsPerShard, int memoryMb) {
    return new PipelineWorkload(
        itemsPerRun, itemsPerShard, secondsPerShard, memoryMb, stepSecondsPerRun, stepMemoryMb,
        stepInvocationsPerRun, stateTransitionsPerShard, stateTransitionsPerRun, sqsRequestsPerShard,
        dynamoDbWriteUnitsPerItem, dynamoDbReadUnitsPerItem, dynamoDbWriteUnitsPerShard, s3GetsPerShard,
        s3PutsPerRun, s3GetsPerRun);
  }

  public PipelineWorkload withShape(long itemsPerRun, int itemsPerShard) {
    return new PipelineWorkload(
        itemsPerRun, itemsPerShard, workerSecondsPerShard, workerMemoryMb, stepSecondsPerRun, stepMemoryMb,
        stepInvocationsPerRun, stateTransitionsPerShard, stateTransitionsPerRun, sqsRequestsPerShard,
        dynamoDbWriteUnitsPerItem, dynamoDbReadUnitsPerItem, dynamoDbWriteUnitsPerShard, s3GetsPerShard,
        s3PutsPerRun, s3GetsPerRun);
  }
}
