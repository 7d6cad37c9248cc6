package dev.ltb.pipeline;

/**
 * Port: tells whoever waits for a shard how it went. In the cloud the waiter is a Step Functions
 * {@code .waitForTaskToken} state and the token is its task token.
 */
public interface ShardCallbacks {

  /** The shard finished; {@code outputJson} becomes the waiting state's output. */
  void succeeded(String taskToken, String outputJson);

  /** The shard cannot finish; {@code error} is a short type name, {@code cause} the human explanation. */
  void failed(String taskToken, String error, String cause);

  /** Still working: keeps a state with a heartbeat timeout alive. */
  void heartbeat(String taskToken);
}
