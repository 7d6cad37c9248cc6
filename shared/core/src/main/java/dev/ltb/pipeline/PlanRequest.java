package dev.ltb.pipeline;

import java.util.Objects;

/**
 * The input of the plan step, i.e. the input of the run's state machine execution. Optional numbers are
 * null when the starter left them to the defaults of {@link DistributionSettings}.
 *
 * @param tenantId owner of the run
 * @param runId the run (and execution name)
 * @param suiteKey where the suite as the user wrote it (YAML or JSON) lies in the blob store, under the
 *     tenant's prefix {@code tenants/<tenantId>/}
 */
public record PlanRequest(
    String tenantId,
    String runId,
    String suiteKey,
    Integer maxConcurrency,
    Double toleratedFailurePercentage,
    Integer shardTimeoutSeconds,
    Integer heartbeatSeconds) {

  public PlanRequest {
    Objects.requireNonNull(suiteKey, "suiteKey");
  }

  public RunRef ref() {
    return new RunRef(tenantId, runId);
  }

  public DistributionSettings settings() {
    return DistributionSettings.defaults()
        .with(maxConcurrency, toleratedFailurePercentage, shardTimeoutSeconds, heartbeatSeconds);
  }
}
