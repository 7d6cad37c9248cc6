/**
 * The distributed run, runtime-neutral: the steps the cloud's state machine calls (plan, execute a shard,
 * aggregate, cancel, notify) and the ports they need. AWS adapters implement the ports with DynamoDB, S3,
 * Step Functions callbacks and event tables; nothing here knows about them.
 */
package dev.ltb.pipeline;
