package dev.ltb.engine;

/**
 * What one execution of a shard (or of a whole local run) did.
 *
 * @param executed items run in this execution
 * @param skipped items skipped because they already had a result (resume, redelivery)
 * @param passed executed items that passed
 * @param failed executed items that failed
 * @param errors executed items without a judged output
 * @param providerCalls calls made to providers, retries included
 * @param costUsd known cost of this execution: providers' calls plus judges' calls
 * @param cancelled true when execution stopped early because cancellation was requested
 */
public record ShardReport(
    long executed, long skipped, long passed, long failed, long errors, long providerCalls, double costUsd,
    boolean cancelled) {}
