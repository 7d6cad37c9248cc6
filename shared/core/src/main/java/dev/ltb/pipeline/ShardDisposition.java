package dev.ltb.pipeline;

/** What should happen to a shard message after a worker handled it. */
public enum ShardDisposition {
  /** Done with (reported as success or as a permanent failure): delete the message. */
  ACK,
  /** Not done (storage or another transient failure): let the queue deliver it again, or dead-letter it. */
  RETRY
}
