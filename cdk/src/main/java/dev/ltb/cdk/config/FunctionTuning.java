package dev.ltb.cdk.config;

import software.amazon.awscdk.Duration;

/**
 * Memory and timeout of one function.
 *
 * @param memoryMb memory in MB (also buys CPU: 1,769 MB is one vCPU)
 * @param timeoutSeconds hard limit of one invocation
 */
public record FunctionTuning(int memoryMb, int timeoutSeconds) {
  public FunctionTuning {
    if (memoryMb < 128 || memoryMb > 10_240) {
      throw new IllegalArgumentException("memory must be 128..10240 MB, was " + memoryMb);
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 900) {
      throw new IllegalArgumentException("timeout must be 1..900 s, was " + timeoutSeconds);
    }
  }

  public Duration timeout() {
    return Duration.seconds(timeoutSeconds);
  }
}
