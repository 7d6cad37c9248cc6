package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ltb.pipeline.PlanRequest;
import dev.ltb.pipeline.PlanStep;
import dev.ltb.pipeline.PlannedRun;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * {@code plan}: the execution's input ({@code tenantId}, {@code runId}, {@code suiteKey}, optional
 * distribution settings) → the planned shards. A suite that cannot run throws {@code
 * SuiteRejectedException}, the error the state machine catches.
 */
@Named("plan")
@Singleton
public class PlanHandler extends JsonHandler<PlanRequest, PlannedRun> {

  private final PlanStep plan;

  @Inject
  public PlanHandler(PlanStep plan) {
    super(PlanRequest.class);
    this.plan = plan;
  }

  @Override
  protected PlannedRun handle(PlanRequest event, Context context) {
    return plan.plan(event);
  }
}
